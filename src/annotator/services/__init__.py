"""Use cases shared by the CLI and the window; neither front holds logic of its own."""
