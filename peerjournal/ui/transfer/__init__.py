"""Import (and export) dialogs of the desktop app: files in and out of the vault."""
