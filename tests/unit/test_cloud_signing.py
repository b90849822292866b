"""The three signing schemes, checked against the vendor's vector and hand computation."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import quote_plus

import pytest

from app.cloud import signing
from app.cloud.config import QRM_SIGN_ORDER

VENDOR_SID = "98651082ab89c3f1b50f35caf794179f"
VENDOR_COMMUNITY = "1316879946"
VENDOR_TOKEN = "e687bc93c89b9b59611de521a70ed4"


def test_card_issuer_scheme_matches_the_vendors_test_vector():
    sig = signing.qrm_sig("getMacList", {"accountSid": VENDOR_SID,
                                         "communityNo": VENDOR_COMMUNITY}, VENDOR_TOKEN)
    assert sig == "f1b9fab22e2fc8445355745448f33afc"


def test_card_issuer_scheme_uses_the_fixed_order_not_the_dict_order():
    fields = {"roomNo": "0101", "floorNo": "01", "buildNo": "001", "communityNo": "42",
              "accountSid": "sid", "endTime": "2612311200", "issueMac": "AABBCCDDEEFF",
              "ignored": "x"}
    expected = hashlib.md5(
        b"AABBCCDDEEFF2612311200sid4200101" b"0101tok").hexdigest()
    assert signing.qrm_sig("makeRoomCard", fields, "tok") == expected
    assert QRM_SIGN_ORDER["makeRoomCard"][-1] == "authToken"


def test_card_issuer_scheme_missing_field_counts_as_empty():
    with_empty = signing.qrm_sig("makeRoomCard", {"issueMac": "", "accountSid": "a"}, "t")
    without = signing.qrm_sig("makeRoomCard", {"accountSid": "a"}, "t")
    assert with_empty == without == hashlib.md5(b"at").hexdigest()


def test_qrcode_scheme_is_upper_case_md5_and_header_is_base64():
    sig = signing.qrcode_sig("sid1", "token1", "20260101120000")
    assert sig == hashlib.md5(b"sid1token120260101120000").hexdigest().upper()
    assert sig.isupper()
    header = signing.qrcode_authorization("sid1", "20260101120000")
    assert base64.b64decode(header) == b"sid1:20260101120000"
    assert signing.parse_qrcode_authorization(header) == ("sid1", "20260101120000")
    with pytest.raises(ValueError):
        signing.parse_qrcode_authorization("not base64!")


def test_records_scheme_is_sha1_of_sorted_form_encoded_pairs_with_token():
    fields = {"timestamp": "1700000000", "accountSid": "sid", "communityNo": "1",
              "note": "a b&c"}
    canonical = "&".join(f"{k}={quote_plus(v)}" for k, v in sorted(
        {**fields, "authToken": "tok"}.items()))
    assert canonical.startswith("accountSid=sid&authToken=tok&communityNo=1&note=a+b%26c")
    assert signing.records_sig(fields, "tok") == hashlib.sha1(canonical.encode()).hexdigest()
    # the sig field itself never takes part
    assert signing.records_sig({**fields, "sig": "zzz"}, "tok") == signing.records_sig(
        fields, "tok")


def test_operator_password_is_md5_lower_before_signing():
    assert signing.hash_password("secret") == hashlib.md5(b"secret").hexdigest()


def test_a_different_token_changes_every_signature():
    f = {"accountSid": "a", "communityNo": "1"}
    assert signing.qrm_sig("getMacList", f, "x") != signing.qrm_sig("getMacList", f, "y")
    assert signing.records_sig(f, "x") != signing.records_sig(f, "y")
    assert signing.qrcode_sig("a", "x", "1") != signing.qrcode_sig("a", "y", "1")
