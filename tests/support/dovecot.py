"""A throwaway Dovecot IMAP server on loopback, for tests and the benchmark.

The test seam ships with the product (like httpx's MockTransport): the test suite
and `benchmarks/bench_mailbox.py` both start one with::

    with LocalDovecot(tmp_dir) as server:
        server.host, server.port, server.user, server.password

It needs the `dovecot` binary (Debian package `dovecot-imapd`, 2.3 series). When
run as root the mail processes run as `nobody`; otherwise as the current user.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

DOVECOT_CANDIDATES = ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")
DEFAULT_USER = "arbox"
DEFAULT_PASSWORD = "arbox-test-pw"

_CONFIG = """\
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir:LAYOUT=fs
mailbox_idle_check_interval = 1 secs
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 0
first_valid_gid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={base}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service stats {{
  unix_listener stats-writer {{
    user = {user}
    mode = 0666
  }}
}}
"""


def find_dovecot() -> str | None:
    """The dovecot binary's path, or None when it is not installed."""
    found = shutil.which("dovecot")
    if found:
        return found
    return next((p for p in DOVECOT_CANDIDATES if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalDovecot:
    """One Dovecot instance with one plaintext user, all state under ``base``."""

    def __init__(
        self,
        base: Path | str,
        *,
        port: int | None = None,
        user: str = DEFAULT_USER,
        password: str = DEFAULT_PASSWORD,
        tls_cert: Path | str | None = None,
        tls_key: Path | str | None = None,
    ) -> None:
        """``tls_cert``/``tls_key`` (PEM) turn on STARTTLS and an implicit-TLS port."""
        binary = find_dovecot()
        if binary is None:
            raise FileNotFoundError("dovecot is not installed (Debian package dovecot-imapd)")
        self.binary = binary
        self.base = Path(base)
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.user = user
        self.password = password
        self.tls_cert, self.tls_key = tls_cert, tls_key
        self.tls_port = free_port() if tls_cert else 0
        self._proc: subprocess.Popen[bytes] | None = None
        if os.geteuid() == 0:
            self._os_user, self._os_group = (
                "nobody",
                grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name,
            )
        else:
            self._os_user = pwd.getpwuid(os.getuid()).pw_name
            self._os_group = grp.getgrgid(os.getgid()).gr_name

    @property
    def maildir(self) -> Path:
        """The user's Maildir (INBOX is its top level)."""
        return self.base / "home" / self.user / "Maildir"

    def _write_config(self) -> Path:
        for sub in ("run", "state", "home"):
            (self.base / sub).mkdir(parents=True, exist_ok=True)
        (self.base / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}\n")
        conf = self.base / "dovecot.conf"
        conf.write_text(
            _CONFIG.format(
                base=self.base,
                port=self.port,
                tls_port=self.tls_port,
                ssl=self._ssl_config(),
                user=self._os_user,
                group=self._os_group,
            )
        )
        if os.geteuid() == 0:
            blocked = [p for p in self.base.resolve().parents if not os.stat(p).st_mode & 0o001]
            if blocked:
                raise PermissionError(
                    f"dovecot's processes run as nobody and cannot enter {blocked[0]}: "
                    "put the server's folder where everyone may pass (e.g. tempfile.mkdtemp())"
                )
            # The mail processes run as nobody and must own the mail and state.
            pw = pwd.getpwnam(self._os_user)
            for sub in ("home", "state"):
                for root, dirs, files in os.walk(self.base / sub):
                    for name in [root, *(os.path.join(root, n) for n in dirs + files)]:
                        os.chown(name, pw.pw_uid, pw.pw_gid)
            os.chmod(self.base, 0o755)
        return conf

    def _ssl_config(self) -> str:
        if not self.tls_cert:
            return "ssl = no"
        return f"ssl = yes\nssl_cert = <{self.tls_cert}\nssl_key = <{self.tls_key}"

    def start(self, timeout: float = 15.0) -> None:
        """Start dovecot in the foreground process group and wait for the IMAP greeting."""
        conf = self._write_config()
        self._proc = subprocess.Popen(
            [self.binary, "-F", "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = self._proc.stderr.read().decode(errors="replace") if self._proc.stderr else ""
                raise RuntimeError(f"dovecot exited at start: {err.strip()} {self.log()}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection((self.host, self.port), timeout=1) as sock,
            ):
                if sock.recv(64).startswith(b"* OK"):
                    return
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"dovecot gave no greeting on port {self.port}: {self.log()}")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server (``kill``: SIGKILL the whole process group, as a crash would)."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()

    def restart(self, *, kill: bool = True) -> None:
        self.stop(kill=kill)
        self.start()

    def log(self) -> str:
        path = self.base / "dovecot.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def __enter__(self) -> LocalDovecot:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
