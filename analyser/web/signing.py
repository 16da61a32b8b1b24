"""The result page's seal: an HMAC of the result it shows, so /draft only writes letters about results this server made."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Made when the server starts and never stored: a seal is good for the life of this process only.
_KEY = secrets.token_bytes(32)


def seal(result_json: str) -> str:
    """The seal of a result as the page carries it."""
    return hmac.new(_KEY, result_json.encode("utf-8"), hashlib.sha256).hexdigest()


def is_sealed(result_json: str, token: str) -> bool:
    """Whether `token` is this server's seal of exactly `result_json`."""
    return hmac.compare_digest(seal(result_json), token)
