resource "random_password" "broker" {
  length  = 32
  special = false
}

# RabbitMQ for MassTransit: a three-node cluster across zones, reachable only from the tasks.
resource "aws_mq_broker" "main" {
  broker_name        = local.name
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = var.mq_instance_type
  deployment_mode    = "CLUSTER_MULTI_AZ"

  publicly_accessible        = false
  subnet_ids                 = aws_subnet.private[*].id
  security_groups            = [aws_security_group.broker.id]
  auto_minor_version_upgrade = true

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = aws_kms_key.data.arn
  }

  user {
    username = "smartbranch"
    password = random_password.broker.result
  }

  logs {
    general = true
  }

  maintenance_window_start_time {
    day_of_week = "SUNDAY"
    time_of_day = "19:00"
    time_zone   = "UTC"
  }
}
