"""Console users: analysts who sign in with their own password.

Passwords are stored as scrypt hashes (``hashlib.scrypt``, n=2**14, r=8, p=1, a random
16-byte salt): ``scrypt$16384$8$1$<salt>$<hash>``, base64. Adding, resetting and
disabling a user writes an audit row (without the password or its hash).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from sqlmodel import Session, col, select

from .audit import record
from .errors import InvalidValue
from .models import ConsoleUser

N, R, P = 2**14, 8, 1
MIN_PASSWORD = 12


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time compare)."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        given = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(digest)),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(given, base64.b64decode(digest))


def any_users(session: Session) -> bool:
    """Whether a console user was ever added: from then on the shared token signs nobody in."""
    return session.exec(select(ConsoleUser.id).limit(1)).first() is not None


def active_user(session: Session, name: str) -> ConsoleUser | None:
    user = session.exec(select(ConsoleUser).where(ConsoleUser.name == name)).first()
    return user if user is not None and user.active else None


def check_user(session: Session, name: str, password: str) -> bool:
    """Whether ``name`` is an active user and ``password`` is theirs."""
    user = active_user(session, name)
    if user is None:
        hash_password(password)  # the same work either way: no timing hint that a name exists
        return False
    return verify_password(user.password_hash, password)


def set_user(session: Session, name: str, password: str, *, actor: str) -> ConsoleUser:
    """Add a user, or reset an existing one's password (and make them active again)."""
    name = " ".join(name.split())
    if not name or len(name) > 60:
        raise InvalidValue("a user name is 1 to 60 characters")
    if len(password) < MIN_PASSWORD:
        raise InvalidValue(f"a password has at least {MIN_PASSWORD} characters")
    user = session.exec(select(ConsoleUser).where(ConsoleUser.name == name)).first()
    action = "user.add" if user is None else "user.password"
    user = user or ConsoleUser(name=name, password_hash="")
    user.password_hash, user.active = hash_password(password), True
    session.add(user)
    session.flush()
    record(session, actor=actor, action=action, target=f"user:{name}", key=None)
    return user


def disable_user(session: Session, name: str, *, actor: str) -> None:
    user = session.exec(select(ConsoleUser).where(ConsoleUser.name == name)).first()
    if user is None:
        raise InvalidValue(f"no console user {name!r}")
    user.active = False
    session.add(user)
    record(session, actor=actor, action="user.disable", target=f"user:{name}", key=None)


def list_users(session: Session) -> list[ConsoleUser]:
    return list(session.exec(select(ConsoleUser).order_by(col(ConsoleUser.name))).all())
