resource "aws_ecs_cluster" "main" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_cloudwatch_log_group" "server" {
  name              = "/smartbranch/${var.environment}/server"
  retention_in_days = 400 # over a year: incident reports look back across a fiscal year
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/smartbranch/${var.environment}/vpc-flow"
  retention_in_days = 90
  kms_key_id        = aws_kms_key.data.arn
}

locals {
  # The same image in three roles: web (HTTP), worker (outbox, webhooks, deliveries, jobs) and a
  # one-off migrate task run by the deployment before the services roll.
  environment = {
    ASPNETCORE_ENVIRONMENT           = "Production"
    Database__Provider               = "Postgres"
    Database__MigrateOnStartup       = "false"
    ConnectionStrings__Default       = "Host=${aws_db_instance.main.address};Port=${aws_db_instance.main.port};Database=smartbranch;Username=smartbranch;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/certs/ca-certificates.crt"
    Bus__Transport                   = "RabbitMq"
    Bus__RabbitMq__Host              = replace(replace(aws_mq_broker.main.instances[0].endpoints[0], "amqps://", ""), ":5671", "")
    Bus__RabbitMq__Username          = "smartbranch"
    Bus__RabbitMq__UseTls            = "true"
    Identity__PublicOrigin           = "https://${var.domain_name}"
    Metrics__AllowedNetworks         = var.vpc_cidr
    # Besides RDS point-in-time recovery (35 days), the workers' daily backups and weekly restore drills, in
    # the backups bucket; images live in the media bucket, so every web task serves the same ones.
    Backups__Store                   = "S3"
    Backups__S3__Bucket              = aws_s3_bucket.data["backups"].bucket
    Backups__S3__Region              = var.region
    Media__Store                     = "S3"
    Media__S3__Bucket                = aws_s3_bucket.data["media"].bucket
    Media__S3__Region                = var.region
    Server__ForwardedHeaders__KnownNetworks = var.vpc_cidr
  }

  secrets = {
    PGPASSWORD                             = aws_secretsmanager_secret.generated["database-password"].arn
    Bus__RabbitMq__Password                = aws_secretsmanager_secret.generated["broker-password"].arn
    Backups__EncryptionKey                 = aws_secretsmanager_secret.generated["backup-key"].arn
    SMARTBRANCH_OPENID_SIGNING_PKCS12      = aws_secretsmanager_secret.operator["openid-signing-pkcs12"].arn
    SMARTBRANCH_OPENID_ENCRYPTION_PKCS12   = aws_secretsmanager_secret.operator["openid-encryption-pkcs12"].arn
    SMARTBRANCH_DATA_PROTECTION_PKCS12     = aws_secretsmanager_secret.operator["data-protection-pkcs12"].arn
    SMARTBRANCH_CERTIFICATE_PASSWORD       = aws_secretsmanager_secret.operator["certificate-password"].arn
    Email__Smtp__Password                  = aws_secretsmanager_secret.operator["smtp-password"].arn
  }

  roles = {
    web     = { roles = "Web", cpu = var.web_cpu, memory = var.web_memory, count = var.web_task_count, command = [] }
    worker  = { roles = "Worker", cpu = var.worker_cpu, memory = var.worker_memory, count = var.worker_task_count, command = [] }
    migrate = { roles = "Worker", cpu = 512, memory = 1024, count = 0, command = ["migrate"] }
  }
}

resource "aws_ecs_task_definition" "server" {
  for_each                 = local.roles
  family                   = "${local.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.task_execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([{
    name                   = "server"
    image                  = var.container_image
    essential              = true
    readonlyRootFilesystem = true
    command                = length(each.value.command) > 0 ? each.value.command : null
    portMappings           = each.key == "web" ? [{ containerPort = 8080, protocol = "tcp" }] : []
    environment = [for name, value in merge(local.environment, { Server__Roles = each.value.roles }) : { name = name, value = value }]
    secrets     = [for name, arn in local.secrets : { name = name, valueFrom = arn }]
    mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.server.name
        awslogs-region        = var.region
        awslogs-stream-prefix = each.key
      }
    }
  }])

  volume {
    name = "tmp"
  }
}

resource "aws_ecs_service" "server" {
  for_each        = { for role, settings in local.roles : role => settings if settings.count > 0 }
  name            = each.key
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.server[each.key].arn
  desired_count   = each.value.count
  launch_type     = "FARGATE"

  enable_execute_command             = false
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = each.key == "web" ? [1] : []
    content {
      target_group_arn = aws_lb_target_group.web.arn
      container_name   = "server"
      container_port   = 8080
    }
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "server" {
  for_each           = aws_ecs_service.server
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${each.value.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = local.roles[each.key].count
  max_capacity       = local.roles[each.key].count * 4
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each           = aws_appautoscaling_target.server
  name               = "${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = each.value.service_namespace
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "task_execution" {
  name               = "${local.name}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "task_execution" {
  role       = aws_iam_role.task_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "read_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = concat(values(aws_secretsmanager_secret.generated)[*].arn, values(aws_secretsmanager_secret.operator)[*].arn)
  }

  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.data.arn]
  }
}

resource "aws_iam_role_policy" "task_execution_secrets" {
  role   = aws_iam_role.task_execution.id
  policy = data.aws_iam_policy_document.read_secrets.json
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "task" {
  statement {
    sid       = "MediaAndBackups"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:AbortMultipartUpload"]
    resources = flatten([for bucket in aws_s3_bucket.data : [bucket.arn, "${bucket.arn}/*"]])
  }

  statement {
    sid       = "EncryptedObjects"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.data.arn]
  }
}

resource "aws_iam_role_policy" "task" {
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

data "aws_iam_policy_document" "flow_log_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow_log" {
  name               = "${local.name}-flow-log"
  assume_role_policy = data.aws_iam_policy_document.flow_log_assume.json
}

data "aws_iam_policy_document" "flow_log" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.flow.arn}:*"]
  }
}

resource "aws_iam_role_policy" "flow_log" {
  role   = aws_iam_role.flow_log.id
  policy = data.aws_iam_policy_document.flow_log.json
}
