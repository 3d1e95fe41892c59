"""Mints JWTs for the authorization tests: with the emulator's own signing key (to make a token that is
valid but for its expiry or issuer) or with a freshly generated key (a forgery).

usage: python mint_token.py emulator|forged '<claims json>'
"""
import gzip
import json
import os
import sys

import moto
from joserfc import jwk, jwt


def emulator_key():
    path = os.path.join(os.path.dirname(moto.__file__), "cognitoidp", "resources", "jwks-private.json.gz")
    with gzip.open(path, "rt") as f:
        keys = json.load(f)
    return jwk.import_key(keys["keys"][0] if "keys" in keys else keys)


def main():
    kind, claims = sys.argv[1], json.loads(sys.argv[2])
    key = emulator_key() if kind == "emulator" else jwk.RSAKey.generate_key(2048)
    print(jwt.encode({"alg": "RS256", "kid": "dummy", "typ": "JWT"}, claims, key))


if __name__ == "__main__":
    main()
