from kreftkoordinator.cli import main

main()
