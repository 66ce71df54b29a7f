"""The one check of how long something typed or scanned may be (an order ID, a note)."""

from flxdesk.host.i18n import translate


def refuse_if_longer(
    text: str, most: int, error: type[ValueError], context: str, message: str
) -> None:
    """Raise ``error`` when ``text`` is longer than ``most`` characters.

    ``message``: a text marked with ``QT_TRANSLATE_NOOP(context, ...)``, translated only
    when it is needed (imports check every row), with ``{len}`` and ``{most}`` filled in.
    """
    if len(text) > most:
        raise error(translate(context, message).format(len=len(text), most=most))
