# Secrets reach the tasks as environment variables at start, never through the image or the task
# definition's plain environment. Passwords are generated here (so they are also in the encrypted
# state); certificates are put in by an operator (README.md), base64 of their PKCS#12 files.
locals {
  generated_secrets = {
    "database-password" = random_password.database.result
    "broker-password"   = random_password.broker.result
    "backup-key"        = random_id.backup_key.b64_std
  }

  operator_secrets = {
    "openid-signing-pkcs12"       = "Token signing certificate (PKCS#12, base64)"
    "openid-encryption-pkcs12"    = "Token encryption certificate (PKCS#12, base64)"
    "data-protection-pkcs12"      = "Data Protection key ring certificate (PKCS#12, base64)"
    "certificate-password"        = "Password of the three PKCS#12 files"
    "smtp-password"               = "SMTP password for staff e-mail and alerts"
  }
}

# AES-256 key of the server's own backups (Backups:EncryptionKey).
resource "random_id" "backup_key" {
  byte_length = 32
}

resource "aws_secretsmanager_secret" "generated" {
  for_each                = local.generated_secrets
  name                    = "${local.name}/${each.key}"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 30
}

resource "aws_secretsmanager_secret_version" "generated" {
  for_each      = local.generated_secrets
  secret_id     = aws_secretsmanager_secret.generated[each.key].id
  secret_string = each.value
}

resource "aws_secretsmanager_secret" "operator" {
  for_each                = local.operator_secrets
  name                    = "${local.name}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 30
}
