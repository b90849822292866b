"""The operator accounts: one JSON file (``data_dir()/operators.json``, beside the audit
trail it goes with; the demo's own folder while the demo runs), sealed.

It holds names, roles, scrypt hashes (never a password), the sign-in failure counts and
the idle-lock minutes, with an HMAC over the whole content keyed by the site's chain key
(keyring). A file edited by hand (a clerk made admin, a failure count reset) no longer
matches its seal and is refused; so is a damaged one, which is left exactly as it is, with
a copy beside it. Neither case ever falls back to "no accounts" (that would give every
right): the desk explains and refuses until it is restored or recovered
(:meth:`OperatorDirectory.recover`). No file, or no accounts in it, is a single-operator
desk. Written atomically (temp file + rename). Every call re-reads the file, so an account
added by ``keydesk operators add`` is seen by a window already open.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from app import paths
from app.operators import passwords, throttle
from app.operators.errors import operator_error
from app.operators.rights import ADMIN, ROLES
from app.operators.throttle import Failures

T = TypeVar("T")
FORMAT = "keydesk-operators"
VERSION = 1
DEFAULT_IDLE_MINUTES = 10
MAX_NAME = 40
_MAC_LABEL = b"keydesk-operators-file"


@dataclass(frozen=True)
class Operator:
    name: str
    role: str
    secret_hash: str = field(repr=False)
    created: str = ""

    def public(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role, "created": self.created}


@dataclass
class _Content:
    operators: dict[str, Operator] = field(default_factory=dict)  # by folded name
    failures: dict[str, Failures] = field(default_factory=dict)
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    # The file's own scrypt cost, when it names one (the demo's public accounts use the
    # floor so that signing in stays quick); None: the directory's.
    cost: passwords.Cost | None = None


MIN_FILE_COST = passwords.Cost(n=2**14)


def fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def check_name(name: str) -> str:
    clean = unicodedata.normalize("NFKC", name).strip()
    if not clean or len(clean) > MAX_NAME or any(unicodedata.category(c)[0] == "C"
                                                  for c in clean):
        raise operator_error("name.invalid", f"{name!r}")
    return clean


class OperatorDirectory:
    def __init__(self, path: Path | None = None, *, key: bytes | None,
                 cost: passwords.Cost = passwords.DEFAULT_COST,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = path or paths.accounts_file()
        self._mac_key = hmac.new(key, _MAC_LABEL, hashlib.sha256).digest() if key else None
        self.cost = cost
        self.clock = clock
        self._lock = threading.RLock()

    # -- the file ----------------------------------------------------------------------
    def _seal(self, body: dict[str, Any]) -> str:
        assert self._mac_key is not None
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hmac.new(self._mac_key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def _read(self) -> _Content:
        try:
            raw_text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _Content()
        except (OSError, UnicodeDecodeError) as exc:
            raise self._damaged(f"cannot read it: {exc}") from None
        try:
            raw = json.loads(raw_text)
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise ValueError("not a KeyDesk operators file")
            if raw.get("version") != VERSION:
                raise ValueError(f"version {raw.get('version')!r} is not {VERSION}")
            mac = raw.pop("mac", None)
            content = _parse(raw)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise self._damaged(str(exc)) from None
        if not content.operators:
            return content
        if self._mac_key is None:
            raise operator_error("operators.no_key", str(self.path))
        if not isinstance(mac, str) or not hmac.compare_digest(mac, self._seal(raw)):
            raise operator_error("operators.tampered", str(self.path))
        return content

    def _damaged(self, why: str) -> Exception:
        """Keep a copy of the damaged file beside it (the original is never written)."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        if not aside.exists():
            try:
                shutil.copy2(self.path, aside)
            except OSError:
                pass
        return operator_error("operators.damaged", f"{self.path}: {why} (copy: {aside.name})")

    def _write(self, content: _Content) -> None:
        if content.operators and self._mac_key is None:
            raise operator_error("operators.no_key", str(self.path))
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "idle_minutes": content.idle_minutes,
            "operators": [{"name": o.name, "role": o.role, "secret": o.secret_hash,
                           "created": o.created} for o in content.operators.values()],
            "failures": {k: v.to_dict() for k, v in throttle.trim(content.failures).items()},
        }
        if content.cost is not None:
            body["hash_cost"] = {"n": content.cost.n, "r": content.cost.r, "p": content.cost.p}
        if self._mac_key is not None:
            body["mac"] = self._seal(body)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".operators-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(body, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _update(self, change: Callable[[_Content], T]) -> T:
        with self._lock:
            content = self._read()
            result = change(content)
            self._write(content)
            return result

    # -- reading -----------------------------------------------------------------------
    def operators(self) -> list[Operator]:
        with self._lock:
            return sorted(self._read().operators.values(), key=lambda o: fold(o.name))

    def accounts_required(self) -> bool:
        """True once any account exists (sign-in needed); False: single-operator desk.
        Raises the file's problem when it is damaged or tampered with."""
        with self._lock:
            return bool(self._read().operators)

    def get(self, name: str) -> Operator | None:
        with self._lock:
            return self._read().operators.get(fold(name))

    def idle_minutes(self) -> int:
        with self._lock:
            return self._read().idle_minutes

    # -- changes -----------------------------------------------------------------------
    def add(self, name: str, role: str, secret: str) -> Operator:
        clean = check_name(name)
        if role not in ROLES:
            raise operator_error("role.invalid", role)
        self._check_strength(secret)
        hashed = passwords.hash_secret(secret, self._cost())  # slow: outside the lock

        def change(c: _Content) -> Operator:
            if fold(clean) in c.operators:
                raise operator_error("operators.exists", clean)
            if not c.operators and role != ADMIN:
                raise operator_error("operators.first_admin", clean)
            op = Operator(clean, role, hashed,
                          datetime.now(UTC).isoformat(timespec="seconds"))
            c.operators[fold(clean)] = op
            return op

        return self._update(change)

    def set_secret(self, name: str, secret: str) -> None:
        self._check_strength(secret)
        hashed = passwords.hash_secret(secret, self._cost())

        def change(c: _Content) -> None:
            op = self._existing(c, name)
            c.operators[fold(name)] = Operator(op.name, op.role, hashed, op.created)
            c.failures.pop(fold(name), None)

        self._update(change)

    def set_role(self, name: str, role: str) -> Operator:
        if role not in ROLES:
            raise operator_error("role.invalid", role)

        def change(c: _Content) -> Operator:
            op = self._existing(c, name)
            if op.role == ADMIN and role != ADMIN:
                self._keep_an_admin(c, op)
            c.operators[fold(name)] = new = Operator(op.name, role, op.secret_hash, op.created)
            return new

        return self._update(change)

    def remove(self, name: str) -> Operator:
        def change(c: _Content) -> Operator:
            op = self._existing(c, name)
            if op.role == ADMIN and len(c.operators) > 1:
                self._keep_an_admin(c, op)
            del c.operators[fold(name)]
            return op

        return self._update(change)

    def set_idle_minutes(self, minutes: int) -> None:
        if not 0 <= minutes <= 24 * 60:
            raise operator_error("idle.invalid", str(minutes))

        def change(c: _Content) -> None:
            c.idle_minutes = minutes

        self._update(change)

    def recover(self) -> Path | None:
        """Move a damaged or unverifiable file aside (kept, never deleted): the desk becomes
        a single-operator desk again, from which an admin account can be made anew."""
        with self._lock:
            if not self.path.exists():
                return None
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            aside = self.path.with_name(f"{self.path.name}.set-aside-{stamp}")
            os.replace(self.path, aside)
            return aside

    # -- sign-in check -------------------------------------------------------------------
    def check(self, name: str, secret: str) -> Operator:
        """The operator ``name`` if ``secret`` is theirs. Failures are counted (also for
        names without an account); after five, tries must wait (``signin.throttled``)."""
        folded = fold(name)
        with self._lock:
            content = self._read()
            now = self.clock()
            waiting = throttle.wait_left(content.failures.get(folded, Failures()), now)
            if waiting > 0:
                raise operator_error("signin.throttled", f"try again in {int(waiting) + 1} s",
                                     retryable=True)
            op = content.operators.get(folded)
        cost = content.cost or self.cost
        if op is None:
            passwords.waste_time(secret, cost)
            good = False
        else:
            good = passwords.check_secret(secret, op.secret_hash)
        rehash = passwords.hash_secret(secret, cost) if good and op is not None and \
            passwords.needs_rehash(op.secret_hash, cost) else None

        def change(c: _Content) -> None:
            if good:
                c.failures.pop(folded, None)
                current = c.operators.get(folded)
                if rehash and current is not None:
                    c.operators[folded] = Operator(current.name, current.role, rehash,
                                                   current.created)
            else:
                c.failures[folded] = throttle.failed(c.failures.get(folded, Failures()),
                                                     self.clock())

        if good or op is not None or content.operators:
            self._update(change)
        if not good or op is None:
            raise operator_error("signin.failed", f"{name!r}", retryable=True)
        return op

    def failures(self, name: str) -> Failures:
        with self._lock:
            return self._read().failures.get(fold(name), Failures())

    # -- helpers -----------------------------------------------------------------------
    def _cost(self) -> passwords.Cost:
        with self._lock:
            return self._read().cost or self.cost

    def write_accounts(self, accounts: list[Operator], *, cost: passwords.Cost | None,
                       idle_minutes: int = DEFAULT_IDLE_MINUTES) -> None:
        """Write a whole set of accounts (already hashed) at once: the demo's."""
        with self._lock:
            self._write(_Content({fold(o.name): o for o in accounts}, {}, idle_minutes, cost))

    def _check_strength(self, secret: str) -> None:
        problem = passwords.weakness(secret)
        if problem:
            raise operator_error(problem)

    @staticmethod
    def _existing(c: _Content, name: str) -> Operator:
        op = c.operators.get(fold(name))
        if op is None:
            raise operator_error("operators.unknown", name)
        return op

    @staticmethod
    def _keep_an_admin(c: _Content, leaving: Operator) -> None:
        if not any(o.role == ADMIN for k, o in c.operators.items() if k != fold(leaving.name)):
            raise operator_error("operators.last_admin", leaving.name)


def _parse(raw: dict[str, Any]) -> _Content:
    ops: dict[str, Operator] = {}
    for item in raw["operators"]:
        op = Operator(check_name(str(item["name"])), str(item["role"]), str(item["secret"]),
                      str(item.get("created", "")))
        if op.role not in ROLES:
            raise ValueError(f"operator {op.name!r} has an unknown role {op.role!r}")
        ops[fold(op.name)] = op
    failures = {str(k): Failures(int(v["count"]), float(v["last"]))
                for k, v in dict(raw.get("failures", {})).items()}
    idle = int(raw.get("idle_minutes", DEFAULT_IDLE_MINUTES))
    cost = None
    if "hash_cost" in raw:
        c = dict(raw["hash_cost"])
        cost = passwords.Cost(int(c["n"]), int(c["r"]), int(c["p"]))
        if cost.n < MIN_FILE_COST.n or cost.n & (cost.n - 1) or not 1 <= cost.r <= 32 \
                or not 1 <= cost.p <= 4 or cost.n > 2**20:
            raise ValueError(f"hash_cost {c} is outside what KeyDesk accepts")
    return _Content(ops, failures, idle, cost)
