from django import forms


class OfferPicker(forms.Widget):
    """A search box that lists matching offers as radio buttons. With htmx the list follows the
    typing; without it a search button submits the form and the same list comes back."""

    template_name = "directory/widgets/offer_picker.html"

    def __init__(self, search_url: str = "", attrs=None):
        super().__init__(attrs)
        self.search_url = search_url
        self.results: list = []
        self.selected = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            search_url=self.search_url, results=self.results, selected=self.selected
        )
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name) or None
