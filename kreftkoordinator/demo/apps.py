from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kreftkoordinator.demo"
    verbose_name = "Demo"
