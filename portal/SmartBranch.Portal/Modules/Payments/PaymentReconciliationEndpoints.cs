using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Payments;
using SmartBranch.Modules.Payments.Features.Reconciliation;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Payments;

/// <summary>
/// <c>POST …/payments/export</c>: the period's payments, refunds and discrepancies as CSV (UTF-8 with BOM or Shift_JIS),
/// for staff with <see cref="PaymentsPermissions.View"/>; audited by the module. Posted with the anti-forgery token,
/// since it is an audited act.
/// </summary>
internal static class PaymentReconciliationEndpoints
{
    public static void MapPaymentReconciliationExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/{PaymentsPaths.Reconciliation}/export", ExportAsync)
            .RequireAuthorization(PaymentsPermissions.View);

    private static async Task<IResult> ExportAsync(
        string tenant, [FromForm] string? from, [FromForm] string? to, [FromForm] string? encoding, PaymentReconciliation reconciliation,
        IStringLocalizer<PaymentsText> text, IStringLocalizer<ShellText> shell, TimeProvider clock, HttpContext http)
    {
        if (!CsvDownload.TryParse(encoding, out var chosen))
        {
            return TypedResults.Problem(title: text["ExportBadEncoding"], statusCode: StatusCodes.Status400BadRequest);
        }

        var criteria = new PaymentPeriodCriteria(from, to);
        var (period, error) = criteria.ToPeriod(text, shell);
        if (period is not { } bounds)
        {
            return TypedResults.Problem(title: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var export = await reconciliation.ExportAsync(bounds.From, bounds.Until, chosen, http.RequestAborted);
        return CsvDownload.Stream(export, $"payments-{tenant}-{criteria.From}-{criteria.To}", clock, http);
    }
}
