using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Portal.Modules.Payments;

internal static class PaymentWording
{
    public static string Name(this IStringLocalizer<PaymentsText> text, PaymentState state) => text[$"State{state}"];

    public static string Name(this IStringLocalizer<PaymentsText> text, PaymentRefundStatus status) => text[$"Refund{status}"];

    /// <summary>The payment method a gateway stands for; a gateway the texts do not know by its own name.</summary>
    public static string Gateway(this IStringLocalizer<PaymentsText> text, string gateway) =>
        text[$"Gateway_{gateway}"] is { ResourceNotFound: false } found ? found : gateway;

    public static string Yen(this IStringLocalizer<PaymentsText> text, long amount) =>
        text["Yen", amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)];
}
