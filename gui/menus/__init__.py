"""The main window's menus, one module per subject; each adds its actions with install(window, menus)."""
