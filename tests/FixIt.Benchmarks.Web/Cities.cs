namespace FixIt.Benchmarks.Web;

/// <summary>
/// Twenty UK cities as rectangles close to their real extents (WGS84), with a share of the reports roughly in
/// line with their population. Reports cluster around each centre, as they do in life.
/// </summary>
internal sealed record City(string Name, string Slug, double MinLon, double MinLat, double MaxLon, double MaxLat, int Weight)
{
    public static readonly City[] All =
    [
        new("Birmingham", "birmingham", -2.03, 52.38, -1.73, 52.61, 11),
        new("Leeds", "leeds", -1.80, 53.70, -1.29, 53.95, 8),
        new("Glasgow", "glasgow", -4.39, 55.78, -4.07, 55.93, 6),
        new("Sheffield", "sheffield", -1.80, 53.30, -1.32, 53.50, 6),
        new("Manchester", "manchester", -2.32, 53.40, -2.15, 53.55, 6),
        new("Edinburgh", "edinburgh", -3.45, 55.88, -3.08, 56.00, 5),
        new("Liverpool", "liverpool", -3.02, 53.31, -2.82, 53.48, 5),
        new("Bristol", "bristol", -2.72, 51.40, -2.51, 51.54, 5),
        new("Cardiff", "cardiff", -3.34, 51.38, -3.08, 51.56, 4),
        new("Leicester", "leicester", -1.22, 52.58, -1.05, 52.69, 4),
        new("Coventry", "coventry", -1.61, 52.36, -1.42, 52.46, 4),
        new("Nottingham", "nottingham", -1.25, 52.89, -1.09, 53.02, 4),
        new("Newcastle", "newcastle", -1.78, 54.96, -1.53, 55.08, 4),
        new("Hull", "hull", -0.43, 53.71, -0.24, 53.78, 3),
        new("Plymouth", "plymouth", -4.21, 50.33, -4.02, 50.44, 3),
        new("Southampton", "southampton", -1.48, 50.87, -1.32, 50.96, 3),
        new("York", "york", -1.20, 53.90, -0.95, 54.05, 3),
        new("Norwich", "norwich", 1.20, 52.58, 1.35, 52.68, 2),
        new("Oxford", "oxford", -1.31, 51.71, -1.18, 51.80, 2),
        new("Cambridge", "cambridge", 0.06, 52.16, 0.19, 52.24, 2),
    ];

    public double CentreLon => (MinLon + MaxLon) / 2;

    public double CentreLat => (MinLat + MaxLat) / 2;
}
