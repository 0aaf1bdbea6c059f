"""Errors whose message is one plain sentence for the user (printed as is, exit status 2)."""


class UserError(Exception):
    """A failure the user can act on; its message is printed as it is."""
