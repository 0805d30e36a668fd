#!/bin/sh
# Certificates arrive from the secret store as base64 PKCS#12 in environment variables (ECS cannot
# mount a secret as a file); the server reads files, so each is written to /tmp, readable only by
# this user, and its path passed on. Arguments go to the server (`migrate`, `create-operator`, …).
set -eu
umask 077
secrets=/tmp/smartbranch-secrets
mkdir -p "$secrets"

write_certificate() { # variable holding base64, file name, configuration key of the path, of the password
  value=$(printenv "$1" || true)
  [ -n "$value" ] || return 0
  printf '%s' "$value" | base64 -d > "$secrets/$2"
  export "$3=$secrets/$2"
  if [ -n "${SMARTBRANCH_CERTIFICATE_PASSWORD:-}" ]; then export "$4=$SMARTBRANCH_CERTIFICATE_PASSWORD"; fi
  unset "$1"
}

write_certificate SMARTBRANCH_OPENID_SIGNING_PKCS12 openid-signing.pfx \
  Identity__OpenId__SigningCertificatePath Identity__OpenId__SigningCertificatePassword
write_certificate SMARTBRANCH_OPENID_ENCRYPTION_PKCS12 openid-encryption.pfx \
  Identity__OpenId__EncryptionCertificatePath Identity__OpenId__EncryptionCertificatePassword
write_certificate SMARTBRANCH_DATA_PROTECTION_PKCS12 data-protection.pfx \
  DataProtection__CertificatePath DataProtection__CertificatePassword
unset SMARTBRANCH_CERTIFICATE_PASSWORD

exec /app/SmartBranch.Server "$@"
