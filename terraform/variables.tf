variable "region" {
  description = "AWS region. Residents' personal data stays in Japan: Tokyo, or Osaka for a disaster-recovery copy."
  type        = string
  default     = "ap-northeast-1"

  validation {
    condition     = contains(["ap-northeast-1", "ap-northeast-3"], var.region)
    error_message = "SmartBranch keeps personal data in Japan: use ap-northeast-1 (Tokyo) or ap-northeast-3 (Osaka)."
  }
}

variable "environment" {
  description = "Deployment name, e.g. production or trial. Each city's production and staging are tenants inside it."
  type        = string
  default     = "production"
}

variable "domain_name" {
  description = "The public host name staff and LINE reach, e.g. smartbranch.example.jp."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for domain_name in the same region."
  type        = string
}

variable "container_image" {
  description = "The server image (built from the repository's Dockerfile), e.g. <account>.dkr.ecr.ap-northeast-1.amazonaws.com/smartbranch:<version>."
  type        = string
}

variable "operator_alert_emails" {
  description = "Operators notified by CloudWatch alarms."
  type        = list(string)
}

variable "vpc_cidr" {
  type    = string
  default = "10.40.0.0/16"
}

variable "availability_zone_count" {
  description = "Availability zones used; RDS Multi-AZ and Amazon MQ clusters need at least two."
  type        = number
  default     = 3

  validation {
    condition     = var.availability_zone_count >= 2
    error_message = "At least two availability zones."
  }
}

variable "web_task_count" {
  type    = number
  default = 2
}

variable "worker_task_count" {
  type    = number
  default = 2
}

variable "web_cpu" {
  type    = number
  default = 1024
}

variable "web_memory" {
  type    = number
  default = 2048
}

variable "worker_cpu" {
  type    = number
  default = 1024
}

variable "worker_memory" {
  type    = number
  default = 2048
}

variable "db_instance_class" {
  type    = string
  default = "db.m7g.large"
}

variable "db_allocated_storage_gb" {
  type    = number
  default = 100
}

variable "db_backup_retention_days" {
  description = "Automated backups and point-in-time recovery window (RPO of minutes within it)."
  type        = number
  default     = 35

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "Keep 7 to 35 days of automated backups."
  }
}

variable "mq_instance_type" {
  type    = string
  default = "mq.m7g.large"
}

variable "waf_rate_limit_per_5_minutes" {
  description = "Requests per 5 minutes from one IP address before WAF blocks it (LINE's webhook servers are exempt)."
  type        = number
  default     = 3000
}
