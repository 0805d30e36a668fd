// The deployment's promises, checked on the parsed Terraform (terraform itself cannot be installed
// here): data stays in Japan, everything holding residents' data is encrypted and backed up, and
// nothing that holds it can be deleted by accident.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";

const directory = join(import.meta.dirname, "..", "..", "terraform");
const files = readdirSync(directory).filter((name) => name.endsWith(".tf"));
const parsed = await Promise.all(files.map((name) => parse(name, readFileSync(join(directory, name), "utf8"))));

// hcl2json gives every block as a list; merge the files into one configuration.
const config = { resource: {}, variable: {}, terraform: [], provider: {}, locals: [] };
for (const file of parsed) {
  for (const [type, byName] of Object.entries(file.resource ?? {})) {
    config.resource[type] = { ...(config.resource[type] ?? {}), ...byName };
  }
  Object.assign(config.variable, file.variable ?? {});
  Object.assign(config.provider, file.provider ?? {});
  config.terraform.push(...(file.terraform ?? []));
  config.locals.push(...(file.locals ?? []));
}

const resources = (type) => Object.entries(config.resource[type] ?? {}).map(([name, [body]]) => ({ name, ...body }));
const variableDefault = (reference) => config.variable[/^\$\{var\.(\w+)\}$/.exec(reference)?.[1]]?.[0]?.default;
const one = (list) => (Array.isArray(list) ? list[0] : list);

test("every .tf file parses", () => {
  assert.ok(files.length >= 8, `only ${files.length} files`);
});

test("residents' data stays in Japan: Tokyo by default, only Tokyo or Osaka allowed", () => {
  const region = config.variable.region[0];
  assert.equal(region.default, "ap-northeast-1");
  assert.match(one(region.validation).condition, /ap-northeast-1.*ap-northeast-3/);
  assert.equal(one(config.provider.aws).region, "${var.region}");
  const backend = one(config.terraform.find((block) => block.backend)?.backend).s3[0];
  assert.equal(backend.region, "ap-northeast-1");
  assert.equal(backend.encrypt, true);
});

test("PostgreSQL is Multi-AZ, encrypted with our key, backed up with point-in-time recovery and protected from deletion", () => {
  const databases = resources("aws_db_instance");
  assert.ok(databases.length > 0);
  for (const db of databases) {
    assert.equal(db.engine, "postgres");
    assert.equal(db.multi_az, true);
    assert.equal(db.storage_encrypted, true);
    assert.match(db.kms_key_id, /aws_kms_key\./);
    assert.equal(db.publicly_accessible, false);
    assert.equal(db.deletion_protection, true);
    assert.equal(db.skip_final_snapshot, false);
    assert.ok(variableDefault(db.backup_retention_period) >= 7, "at least a week of automated backups");
  }
});

test("RabbitMQ is an Amazon MQ cluster across zones, private and encrypted with our key", () => {
  const brokers = resources("aws_mq_broker");
  assert.ok(brokers.length > 0);
  for (const broker of brokers) {
    assert.equal(broker.engine_type, "RabbitMQ");
    assert.equal(broker.deployment_mode, "CLUSTER_MULTI_AZ");
    assert.equal(broker.publicly_accessible, false);
    assert.equal(one(broker.encryption_options).use_aws_owned_key, false);
  }
});

test("every S3 bucket is versioned, encrypted with KMS, closed to the public and kept from destroy", () => {
  const buckets = resources("aws_s3_bucket");
  assert.ok(buckets.length > 0);
  const coversAll = (type) => resources(type).some((r) => r.for_each === "${aws_s3_bucket.data}" || r.bucket === "${aws_s3_bucket.data.id}");
  for (const bucket of buckets) {
    assert.equal(bucket.name, "data", "buckets come from the one for_each the settings below cover");
    assert.equal(one(bucket.lifecycle).prevent_destroy, true);
  }
  assert.ok(coversAll("aws_s3_bucket_versioning"));
  assert.equal(one(resources("aws_s3_bucket_versioning")[0].versioning_configuration).status, "Enabled");
  assert.ok(coversAll("aws_s3_bucket_server_side_encryption_configuration"));
  const encryption = one(one(resources("aws_s3_bucket_server_side_encryption_configuration")[0].rule).apply_server_side_encryption_by_default);
  assert.equal(encryption.sse_algorithm, "aws:kms");
  assert.ok(coversAll("aws_s3_bucket_public_access_block"));
  const publicAccess = resources("aws_s3_bucket_public_access_block")[0];
  for (const setting of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
    assert.equal(publicAccess[setting], true, setting);
  }
});

test("web and worker run as Fargate services of one image; a migrate task runs before them", () => {
  const roles = one(config.locals.find((block) => block.roles)).roles;
  assert.equal(roles.web.roles, "Web");
  assert.equal(roles.worker.roles, "Worker");
  assert.deepEqual(roles.migrate.command, ["migrate"]);
  const services = resources("aws_ecs_service");
  assert.ok(services.some((s) => s.launch_type === "FARGATE"));
  const environment = one(config.locals.find((block) => block.environment)).environment;
  assert.equal(environment.Database__Provider, "Postgres");
  assert.equal(environment.Database__MigrateOnStartup, "false");
  assert.equal(environment.Bus__Transport, "RabbitMq");
});

test("secrets reach the tasks from Secrets Manager, encrypted with our key, never as plain settings", () => {
  const locals = Object.assign({}, ...config.locals);
  for (const name of Object.keys(locals.environment)) {
    assert.doesNotMatch(name, /password|secret|pkcs12|token/i, `${name} is a plain environment variable`);
  }
  for (const arn of Object.values(locals.secrets)) {
    assert.match(arn, /aws_secretsmanager_secret\./);
  }
  for (const secret of resources("aws_secretsmanager_secret")) {
    assert.match(secret.kms_key_id, /aws_kms_key\./);
  }
});

test("no password is written into the configuration", () => {
  const literalPasswords = [];
  const visit = (value, path) => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, item]) => visit(item, `${path}.${key}`));
    else if (/password$/i.test(path) && typeof value === "string" && !value.startsWith("${")) literalPasswords.push(path);
  };
  visit(config.resource, "resource");
  assert.deepEqual(literalPasswords, []);
});

test("the load balancer speaks TLS 1.2+ only, redirects HTTP and sits behind WAF", () => {
  const listeners = resources("aws_lb_listener");
  const https = listeners.find((l) => l.protocol === "HTTPS");
  assert.match(https.ssl_policy, /TLS13/);
  const http = listeners.find((l) => l.protocol === "HTTP");
  assert.equal(one(one(http.default_action).redirect).protocol, "HTTPS");
  const association = resources("aws_wafv2_web_acl_association")[0];
  assert.equal(association.resource_arn, "${aws_lb.main.arn}");
  const rules = resources("aws_wafv2_web_acl")[0].rule;
  assert.ok(rules.some((r) => one(r.statement).rate_based_statement), "a rate limit");
  assert.ok(rules.some((r) => one(one(r.statement).managed_rule_group_statement)?.name === "AWSManagedRulesCommonRuleSet"));
  assert.equal(resources("aws_lb")[0].enable_deletion_protection, true);
});

test("alarms watch the server, the database and the workers, and reach operators", () => {
  const alarms = one(config.locals.find((block) => block.alarms)).alarms;
  const namespaces = new Set(Object.values(alarms).map((alarm) => alarm.namespace));
  for (const namespace of ["AWS/ApplicationELB", "AWS/RDS", "ECS/ContainerInsights"]) {
    assert.ok(namespaces.has(namespace), namespace);
  }
  const alarm = resources("aws_cloudwatch_metric_alarm")[0];
  assert.deepEqual(alarm.alarm_actions, ["${aws_sns_topic.alerts.arn}"]);
  assert.ok(resources("aws_sns_topic_subscription").length > 0);
});

test("the key protecting residents' data rotates and cannot be deleted at once", () => {
  for (const key of resources("aws_kms_key")) {
    assert.equal(key.enable_key_rotation, true);
    assert.ok(key.deletion_window_in_days >= 7);
  }
});

test("the workers back up to the backups bucket and drill restores; images live in the media bucket", () => {
  const environment = one(config.locals.find((block) => block.environment)).environment;
  assert.equal(environment.Backups__Scheduled ?? "true", "true");
  assert.equal(environment.Backups__Store, "S3");
  assert.match(environment.Backups__S3__Bucket, /aws_s3_bucket\.data\["backups"\]/);
  assert.equal(environment.Media__Store, "S3");
  assert.match(environment.Media__S3__Bucket, /aws_s3_bucket\.data\["media"\]/);
  const lifecycle = one(config.resource.aws_s3_bucket_lifecycle_configuration.backups);
  const rules = [lifecycle.rule].flat();
  assert.ok(rules.some((rule) => one(rule.abort_incomplete_multipart_upload)?.days_after_initiation >= 1));
});
