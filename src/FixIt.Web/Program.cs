using FixIt.Application;
using FixIt.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Seeding;
using FixIt.Web;
using FixIt.Web.Cli;
using FixIt.Web.Features.Admin;
using FixIt.Web.Features.Admin.ApiKeys;
using FixIt.Web.Features.Admin.Categories;
using FixIt.Web.Features.Admin.Operators;
using FixIt.Web.Features.Admin.Areas;
using FixIt.Web.Features.Admin.Reports;
using FixIt.Web.Features.Admin.Rules;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.Alerts;
using FixIt.Web.Features.Benchmarks;
using FixIt.Web.Features.Categories;
using FixIt.Web.Features.Mail;
using FixIt.Web.Features.Mail.DevMail;
using FixIt.Web.Features.Moderation;
using FixIt.Web.Features.Moderation.FlagItem;
using FixIt.Web.Features.Moderation.ListFlags;
using FixIt.Web.Features.Moderation.ReportTools;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Feeds;
using FixIt.Web.Features.Health;
using FixIt.Web.Features.Open311;
using FixIt.Web.Features.OperatorConsole;
using FixIt.Web.Features.Operators;
using FixIt.Web.Features.Places;
using FixIt.Web.Features.Privacy.MyReports;
using FixIt.Web.Features.Privacy.PrivacyPage;
using FixIt.Web.Features.Reports;
using FixIt.Web.Features.Reports.AddUpdate;
using FixIt.Web.Features.Reports.GetReport;
using FixIt.Web.Features.Reports.GetReportPhoto;
using FixIt.Web.Features.Reports.GetUpdatePhoto;
using FixIt.Web.Features.Reports.PendingReport;
using FixIt.Web.Features.Reports.SearchReports;
using FixIt.Web.Features.Reports.Subscribe;
using FixIt.Web.Features.Reports.SubmitReport;
using FixIt.Web.Features.Reports.SupportReport;
using FixIt.Web.Features.Routing;
using FixIt.Web.Features.Reports.StaffRespond;
using FixIt.Web.Features.Staff.Account;
using FixIt.Web.Features.Staff.List;
using FixIt.Web.Features.Staff.Passwords;
using FixIt.Web.Infrastructure;
using FixIt.Web.Features.Language;
using FixIt.Web.Infrastructure.Localization;
using FixIt.Web.Infrastructure.RateLimiting;
using Scalar.AspNetCore;

// ICU is on for Unicode normalisation (ADR 0055), not for culture: formatting stays invariant whatever LANG says.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;

// A verb as first argument (create-api-key, import-areas, ...) runs that admin command instead of the web service.
if (AdminCommands.IsVerb(args))
{
    return await AdminCommands.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFixItApplication();
builder.Services.AddFixItInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddFixItBackgroundWork();
builder.Services.AddFixItWeb(builder.Configuration);
builder.Services.AddFixItLocalization(builder.Configuration);
builder.Services.AddOpen311(builder.Configuration);
builder.Services.AddFixItRateLimiting(builder.Configuration);
builder.AddFixItTelemetry();

var app = builder.Build();

await app.Services.MigrateFixItDatabaseAsync();
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await app.Services.SeedDemoDataAsync(app.Configuration.GetValue("Seed:DemoReports", 0));
}

app.UseFixItForwardedHeaders();
app.UseSecurityHeaders();
// Localisation first, so that error and status-code pages are in the request's language.
app.UseFixItLocalization();
app.UseExceptionHandler();
app.UseFixItStaticFiles();
app.UseFixItStatusCodePages();
app.UseRateLimiter();
app.UseAuthentication();
app.UseTwoFactorEnrolment();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/docs", o => o.WithTitle("FixIt API").DisableDefaultFonts().WithOpenApiRoutePattern("/openapi/{documentName}.json"));

app.MapHealthEndpoints();
app.MapLanguageSwitcher();
app.MapReportsApi();
app.MapUpdatePhotos();
app.MapReportSearchApi();
app.MapCategoriesApi();
app.MapRoutingApi();
app.MapPlacesApi();
app.MapAdminApi();
app.MapOpen311();
app.MapReportPage();
app.MapPendingReports();
app.MapEmailLinkPages();
app.MapFollowUpLinkPages();
app.MapSubscriptionPages();
app.MapUpdatePages();
app.MapMyReports();
app.MapPrivacyPage();
app.MapSupportPages();
app.MapAlerts();
app.MapMailAdmin();
app.MapModerationPages();
app.MapAdminSignIn();
app.MapStaffAccount();
app.MapStaffPasswords();
app.MapStaffList();
app.MapConsoleHome();
app.MapOperatorAdminPages();
app.MapCategoryConsole();
app.MapApiKeyConsole();
app.MapAreaPages();
app.MapRulePages();
app.MapUnroutedPages();
app.MapStaffRespond();
app.MapFlagPages();
app.MapFlagQueue();
app.MapReportTools();
app.MapOperatorConsole();
if (app.Environment.IsDevelopment())
{
    app.MapDevMailbox();
}
app.MapReportForm();
app.MapMapPage();
app.MapOperatorPages();
app.MapFeeds();
app.MapPhotos();
app.MapBenchmarkCeiling(app.Configuration);

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
