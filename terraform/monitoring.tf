resource "aws_sns_topic" "alerts" {
  name              = "${local.name}-alerts"
  kms_master_key_id = aws_kms_key.data.id
}

resource "aws_sns_topic_subscription" "operators" {
  for_each  = toset(var.operator_alert_emails)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

locals {
  alarms = {
    "web-5xx" = {
      description = "The server answers 5xx (webhooks from LINE are among them)."
      namespace   = "AWS/ApplicationELB"
      metric      = "HTTPCode_Target_5XX_Count"
      statistic   = "Sum"
      threshold   = 20
      comparison  = "GreaterThanThreshold"
      periods     = 2
      dimensions  = { LoadBalancer = aws_lb.main.arn_suffix }
    }
    "web-unhealthy-tasks" = {
      description = "A web task fails its health check."
      namespace   = "AWS/ApplicationELB"
      metric      = "UnHealthyHostCount"
      statistic   = "Maximum"
      threshold   = 0
      comparison  = "GreaterThanThreshold"
      periods     = 3
      dimensions  = { LoadBalancer = aws_lb.main.arn_suffix, TargetGroup = aws_lb_target_group.web.arn_suffix }
    }
    "web-slow" = {
      description = "Answers slower than 1 s at p99: LINE gives webhooks about 2 s."
      namespace   = "AWS/ApplicationELB"
      metric      = "TargetResponseTime"
      statistic   = "p99"
      threshold   = 1
      comparison  = "GreaterThanThreshold"
      periods     = 3
      dimensions  = { LoadBalancer = aws_lb.main.arn_suffix }
    }
    "database-cpu" = {
      description = "PostgreSQL CPU above 80 %."
      namespace   = "AWS/RDS"
      metric      = "CPUUtilization"
      statistic   = "Average"
      threshold   = 80
      comparison  = "GreaterThanThreshold"
      periods     = 3
      dimensions  = { DBInstanceIdentifier = aws_db_instance.main.identifier }
    }
    "database-storage" = {
      description = "PostgreSQL has less than 10 GB free."
      namespace   = "AWS/RDS"
      metric      = "FreeStorageSpace"
      statistic   = "Minimum"
      threshold   = 10 * 1024 * 1024 * 1024
      comparison  = "LessThanThreshold"
      periods     = 1
      dimensions  = { DBInstanceIdentifier = aws_db_instance.main.identifier }
    }
    "broker-memory" = {
      description = "RabbitMQ memory alarm is near: queues are backing up."
      namespace   = "AWS/AmazonMQ"
      metric      = "RabbitMQMemUsed"
      statistic   = "Maximum"
      threshold   = 0.8 * 8 * 1024 * 1024 * 1024
      comparison  = "GreaterThanThreshold"
      periods     = 3
      dimensions  = { Broker = aws_mq_broker.main.broker_name }
    }
    "worker-not-running" = {
      description = "No worker task runs: webhooks, deliveries and jobs stop."
      namespace   = "ECS/ContainerInsights"
      metric      = "RunningTaskCount"
      statistic   = "Minimum"
      threshold   = 1
      comparison  = "LessThanThreshold"
      periods     = 2
      dimensions  = { ClusterName = aws_ecs_cluster.main.name, ServiceName = "worker" }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "main" {
  for_each            = local.alarms
  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  statistic           = contains(["p99"], each.value.statistic) ? null : each.value.statistic
  extended_statistic  = contains(["p99"], each.value.statistic) ? each.value.statistic : null
  period              = 60
  evaluation_periods  = each.value.periods
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison
  dimensions          = each.value.dimensions
  treat_missing_data  = each.key == "worker-not-running" ? "breaching" : "notBreaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]
  ok_actions          = [aws_sns_topic.alerts.arn]
}
