using SmartBranch.Kernel;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Features.Reconciliation;

/// <summary>A period's rows for the gateway's report to be checked against: payments, then refunds, then discrepancies, in Japan time.</summary>
internal static class PaymentReconciliationCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["種別", "日時(日本時間)", "決済サービス", "参照番号", "受付番号", "金額(円)", "状態", "決済サービスの番号", "不一致の内容"];

    public static IEnumerable<IReadOnlyList<string?>> Rows(PaymentPeriod period)
    {
        foreach (var payment in period.Payments)
        {
            yield return
            [
                "支払い", JapanTime.Format(payment.PaidAt!.Value), payment.Gateway, payment.Reference, payment.Purpose?.Label,
                ExportValues.Number(payment.AmountYen), StateName(payment.State), payment.GatewayPaymentId,
                string.Join(" / ", period.DiscrepanciesOf(payment.Reference).Select(d => d.Detail)),
            ];
        }

        foreach (var refund in period.Refunds)
        {
            yield return
            [
                "返金", JapanTime.Format(refund.RequestedAt), refund.Gateway, refund.Reference, refund.Purpose?.Label,
                ExportValues.Number(refund.AmountYen), RefundStatusName(refund.Status), refund.GatewayRefundId, null,
            ];
        }

        foreach (var discrepancy in period.Discrepancies)
        {
            yield return
            [
                "不一致", JapanTime.Format(discrepancy.DetectedAt), discrepancy.Gateway, discrepancy.Reference, discrepancy.Purpose?.Label,
                ExportValues.Number(discrepancy.ReportedAmountYen), null, discrepancy.EventId,
                $"{discrepancy.Detail}（記録 {discrepancy.ExpectedAmountYen} 円、通知 {discrepancy.ReportedAmountYen} 円）",
            ];
        }
    }

    public static string StateName(PaymentState state) => state switch
    {
        PaymentState.Open => "支払い待ち",
        PaymentState.Paid => "支払い済み",
        PaymentState.Expired => "期限切れ",
        PaymentState.RefundPending => "返金手続き中",
        PaymentState.Refunded => "返金済み",
        PaymentState.RefundFailed => "返金失敗",
        _ => state.ToString(),
    };

    public static string RefundStatusName(PaymentRefundStatus status) => status switch
    {
        PaymentRefundStatus.Requested => "返金手続き中",
        PaymentRefundStatus.Succeeded => "返金済み",
        PaymentRefundStatus.Failed => "返金失敗",
        _ => status.ToString(),
    };
}
