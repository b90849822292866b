"""The Audit page's parts: the table model and the words for actions and results."""
