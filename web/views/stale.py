"""Edit forms carry the version of the record they were rendered from, and send it back.

The service refuses a write against a record that has changed since (StaleWriteError); the
view answers 409 with the form filled from the record as it is now, and the message.
"""

FIELD = "version"


def sent_version(form) -> int:
    """The version the form was rendered from. Missing or garbled, it is 0, which no record
    has, so such a post is refused as stale rather than written blind."""
    text = str(form.get(FIELD, ""))
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else 0
