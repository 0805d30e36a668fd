output "load_balancer_dns_name" {
  description = "Point domain_name here (CNAME or Route 53 alias)."
  value       = aws_lb.main.dns_name
}

output "webhook_url_pattern" {
  description = "What the console shows per tenant environment, to paste into the LINE Developers console."
  value       = "https://${var.domain_name}/line/{tenant}/{env}/webhook"
}

output "ecr_repository_url" {
  value = aws_ecr_repository.server.repository_url
}

output "migrate_task_definition" {
  description = "Run once per release before the services roll: aws ecs run-task --task-definition <this> …"
  value       = aws_ecs_task_definition.server["migrate"].arn
}

output "operator_secrets" {
  description = "Secrets an operator fills in before the first deployment (README.md)."
  value       = [for secret in aws_secretsmanager_secret.operator : secret.name]
}
