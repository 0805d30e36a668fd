using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Scheduling;

namespace SmartBranch.Server.Scheduling;

/// <summary>
/// Quartz.NET's job store tables (Quartz 4.7's PostgreSQL schema, column for column), so that our migrations create
/// them and Quartz only validates them. PostgreSQL only: on SQLite the scheduler keeps its schedule in memory.
/// Quartz alone reads and writes these rows; they are mapped as property bags, with no classes of ours.
/// </summary>
internal sealed class QuartzTables : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.QuartzTable("job_details", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("job_name", required: true);
            table.Text("job_group", required: true);
            table.Text("description");
            table.Text("job_class_name", required: true);
            table.Column<bool>("is_durable", required: true);
            table.Column<bool>("is_nonconcurrent", required: true);
            table.Column<bool>("is_update_data", required: true);
            table.Column<bool>("requests_recovery", required: true);
            table.Column<byte[]>("job_data");
            table.HasKey("sched_name", "job_name", "job_group");
            table.HasIndex("sched_name", "job_group", "job_name").HasDatabaseName("idx_qrtz_j_g_n");
        });
        modelBuilder.QuartzTable("triggers", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Text("job_name", required: true);
            table.Text("job_group", required: true);
            table.Text("description");
            table.Column<long?>("next_fire_time");
            table.Column<long?>("prev_fire_time");
            table.Column<int?>("priority");
            table.Text("trigger_state", required: true);
            table.Text("trigger_type", required: true);
            table.Column<long>("start_time", required: true);
            table.Column<long?>("end_time");
            table.Text("calendar_name");
            table.Column<short?>("misfire_instr");
            table.Column<long?>("misfire_orig_fire_time");
            table.VarChar("execution_group", 200);
            table.VarChar("preferred_node", 200);
            table.Column<bool>("preferred_node_auto", required: true).HasDefaultValue(false);
            table.VarChar("retry_policy", 250);
            table.Column<int?>("retry_attempt");
            table.Text("continues_trigger_name");
            table.Text("continues_trigger_group");
            table.Column<int?>("continuation_condition");
            table.Column<int?>("overlap_policy");
            table.VarChar("pause_reason", 250);
            table.VarChar("paused_by", 200);
            table.Column<long?>("paused_at");
            table.Column<long?>("misfire_threshold");
            table.Column<bool?>("fixed_delay");
            table.Column<byte[]>("job_data");
            table.HasKey("sched_name", "trigger_name", "trigger_group");
            table.HasOne(TableName("job_details")).WithMany().HasForeignKey("sched_name", "job_name", "job_group")
                .OnDelete(DeleteBehavior.NoAction);
            table.HasIndex("sched_name", "job_name", "job_group").HasDatabaseName("idx_qrtz_t_j");
            table.HasIndex("sched_name", "trigger_group", "trigger_name").HasDatabaseName("idx_qrtz_t_g_n");
            table.HasIndex("sched_name", "calendar_name").HasDatabaseName("idx_qrtz_t_c");
            table.HasIndex("sched_name", "trigger_state", "next_fire_time", "priority", "misfire_instr").HasDatabaseName("idx_qrtz_t_nft_st").IsDescending(false, false, false, true, false);
        });
        modelBuilder.QuartzTable("simple_triggers", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Column<long>("repeat_count", required: true);
            table.Column<long>("repeat_interval", required: true);
            table.Column<long>("times_triggered", required: true);
            table.HasKey("sched_name", "trigger_name", "trigger_group");
            table.HasOne(TableName("triggers")).WithMany().HasForeignKey("sched_name", "trigger_name", "trigger_group")
                .OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.QuartzTable("cron_triggers", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Text("cron_expression", required: true);
            table.Text("time_zone_id");
            table.HasKey("sched_name", "trigger_name", "trigger_group");
            table.HasOne(TableName("triggers")).WithMany().HasForeignKey("sched_name", "trigger_name", "trigger_group")
                .OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.QuartzTable("simprop_triggers", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Text("str_prop_1");
            table.Text("str_prop_2");
            table.Text("str_prop_3");
            table.Column<int?>("int_prop_1");
            table.Column<int?>("int_prop_2");
            table.Column<long?>("long_prop_1");
            table.Column<long?>("long_prop_2");
            table.Column<decimal?>("dec_prop_1");
            table.Column<decimal?>("dec_prop_2");
            table.Column<bool?>("bool_prop_1");
            table.Column<bool?>("bool_prop_2");
            table.Text("time_zone_id");
            table.HasKey("sched_name", "trigger_name", "trigger_group");
            table.HasOne(TableName("triggers")).WithMany().HasForeignKey("sched_name", "trigger_name", "trigger_group")
                .OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.QuartzTable("blob_triggers", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Column<byte[]>("blob_data");
            table.HasKey("sched_name", "trigger_name", "trigger_group");
            table.HasOne(TableName("triggers")).WithMany().HasForeignKey("sched_name", "trigger_name", "trigger_group")
                .OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.QuartzTable("calendars", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("calendar_name", required: true);
            table.Column<byte[]>("calendar", required: true);
            table.HasKey("sched_name", "calendar_name");
        });
        modelBuilder.QuartzTable("paused_trigger_grps", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("trigger_group", required: true);
            table.VarChar("pause_reason", 250);
            table.VarChar("paused_by", 200);
            table.Column<long?>("paused_at");
            table.HasKey("sched_name", "trigger_group");
        });
        modelBuilder.QuartzTable("paused_job_grps", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("job_group", required: true);
            table.VarChar("pause_reason", 250);
            table.VarChar("paused_by", 200);
            table.Column<long?>("paused_at");
            table.HasKey("sched_name", "job_group");
        });
        modelBuilder.QuartzTable("fired_triggers", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("entry_id", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Text("instance_name", required: true);
            table.Column<long>("fired_time", required: true);
            table.Column<long>("sched_time", required: true);
            table.Column<int>("priority", required: true);
            table.Text("state", required: true);
            table.Text("job_name");
            table.Text("job_group");
            table.Column<bool>("is_nonconcurrent", required: true);
            table.Column<bool?>("requests_recovery");
            table.VarChar("execution_group", 200);
            table.Column<int?>("progress");
            table.VarChar("progress_message", 250);
            table.Column<long?>("interrupt_requested_time");
            table.HasKey("sched_name", "entry_id");
            table.HasIndex("sched_name", "instance_name", "requests_recovery").HasDatabaseName("idx_qrtz_ft_inst_job_req_rcvry");
            table.HasIndex("sched_name", "job_name", "job_group").HasDatabaseName("idx_qrtz_ft_j_g");
            table.HasIndex("sched_name", "trigger_name", "trigger_group").HasDatabaseName("idx_qrtz_ft_t_g");
        });
        modelBuilder.QuartzTable("scheduler_state", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("instance_name", required: true);
            table.Column<long>("last_checkin_time", required: true);
            table.Column<long>("checkin_interval", required: true);
            table.VarChar("quartz_version", 20);
            table.HasKey("sched_name", "instance_name");
        });
        modelBuilder.QuartzTable("locks", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("lock_name", required: true);
            table.HasKey("sched_name", "lock_name");
        });
        modelBuilder.QuartzTable("execution_history", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("entry_id", required: true);
            table.Text("instance_name", required: true);
            table.Text("job_name", required: true);
            table.Text("job_group", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Column<long>("fired_time", required: true);
            table.Column<long>("run_time", required: true);
            table.Column<bool>("succeeded", required: true);
            table.Text("error_message");
            table.Column<int>("retry_attempt", required: true).HasDefaultValue(0);
            table.Column<bool>("retry_scheduled", required: true).HasDefaultValue(false);
            table.Text("execution_log");
            table.Column<int?>("result");
            table.Text("summary");
            table.Text("metrics");
            table.Column<bool?>("manual");
            table.Text("fire_instance_id");
            table.Text("job_input");
            table.Column<bool?>("job_input_too_large");
            table.HasKey("sched_name", "entry_id");
            table.HasIndex("sched_name", "fired_time").HasDatabaseName("idx_qrtz_eh_fired_time");
            table.HasIndex("sched_name", "instance_name").HasDatabaseName("idx_qrtz_eh_inst");
            table.HasIndex("sched_name", "job_group", "job_name", "fired_time").HasDatabaseName("idx_qrtz_eh_job_time");
            table.HasIndex("sched_name", "fire_instance_id").HasDatabaseName("idx_qrtz_eh_fire_inst");
            table.HasIndex("sched_name", "trigger_group", "trigger_name", "fired_time").HasDatabaseName("idx_qrtz_eh_trig_time");
        });
        modelBuilder.QuartzTable("misfire_history", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("entry_id", required: true);
            table.Text("instance_name", required: true);
            table.Text("trigger_name", required: true);
            table.Text("trigger_group", required: true);
            table.Text("job_name");
            table.Text("job_group");
            table.Column<long>("misfire_time", required: true);
            table.Column<long?>("sched_time");
            table.Column<int?>("reason");
            table.HasKey("sched_name", "entry_id");
            table.HasIndex("sched_name", "misfire_time").HasDatabaseName("idx_qrtz_mh_misfire_time");
            table.HasIndex("sched_name", "instance_name").HasDatabaseName("idx_qrtz_mh_inst");
        });
        modelBuilder.QuartzTable("job_status", table =>
        {
            table.Text("sched_name", required: true);
            table.Text("job_group", required: true);
            table.Text("job_name", required: true);
            table.Column<long>("first_fired_time", required: true);
            table.Column<long>("last_fired_time", required: true);
            table.Column<int>("last_result", required: true);
            table.Column<long>("last_run_time", required: true);
            table.Text("last_instance_name", required: true);
            table.Text("last_entry_id");
            table.Text("last_summary");
            table.Column<long?>("last_success_time");
            table.Column<long?>("last_failure_time");
            table.Text("last_failure_message");
            table.Column<int>("consecutive_failures", required: true).HasDefaultValue(0);
            table.Column<long>("run_count", required: true).HasDefaultValue(0);
            table.Column<long>("failure_count", required: true).HasDefaultValue(0);
            table.HasKey("sched_name", "job_group", "job_name");
        });    }

    private static string TableName(string name) => SchedulingServiceCollectionExtensions.TablePrefix + name;
}

internal static class QuartzTableBuilder
{
    public static void QuartzTable(this ModelBuilder modelBuilder, string name, Action<EntityTypeBuilder<Dictionary<string, object>>> configure)
    {
        var table = SchedulingServiceCollectionExtensions.TablePrefix + name;
        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(table, entity =>
        {
            entity.ToTable(table);
            configure(entity);
        });
    }

    public static PropertyBuilder<string> Text(this EntityTypeBuilder<Dictionary<string, object>> table, string column, bool required = false) =>
        table.Column<string>(column, required);

    public static PropertyBuilder<string> VarChar(this EntityTypeBuilder<Dictionary<string, object>> table, string column, int length, bool required = false) =>
        table.Column<string>(column, required).HasMaxLength(length);

    public static PropertyBuilder<T> Column<T>(this EntityTypeBuilder<Dictionary<string, object>> table, string column, bool required = false) =>
        table.Property<T>(column).HasColumnName(column).IsRequired(required);
}
