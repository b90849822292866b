"""AES-128-CBC with PKCS#7 padding, as TTLock V3 uses it (IV = key).

Uses the ``cryptography`` package (OpenSSL) rather than hand-written AES. A reply that
does not decrypt raises :class:`DecryptError`: for TTLock that means the key is wrong
(the lock was reset, or it is another lock).
"""

from __future__ import annotations

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK_BITS = 128


class DecryptError(ValueError):
    pass


def _cipher(key: bytes) -> Cipher[modes.CBC]:
    if len(key) != 16:
        raise ValueError("an AES-128 key has 16 bytes")
    return Cipher(algorithms.AES(key), modes.CBC(key))


def encrypt(key: bytes, plain: bytes) -> bytes:
    padder = padding.PKCS7(BLOCK_BITS).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = _cipher(key).encryptor()
    return enc.update(padded) + enc.finalize()


def decrypt(key: bytes, data: bytes) -> bytes:
    if not data or len(data) % 16:
        raise DecryptError(f"{len(data)} bytes is not a whole number of AES blocks")
    dec = _cipher(key).decryptor()
    padded = dec.update(data) + dec.finalize()
    unpadder = padding.PKCS7(BLOCK_BITS).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise DecryptError("padding is wrong: the key does not fit") from None
