using SmartBranch.Modules.Reports.Features.PublicMap;

namespace SmartBranch.UnitTests.Modules.Reports;

public sealed class CoarsePlaceTests
{
    [Theory]
    [InlineData(40.58412, 140.56681)] // 平川市役所
    [InlineData(40.61000, 140.56000)]
    [InlineData(40.50000, 140.61500)]
    public void A_place_moves_to_its_cells_centre_less_than_half_a_cells_diagonal_away(double latitude, double longitude)
    {
        var (cellLatitude, cellLongitude) = CoarsePlace.Of(latitude, longitude);

        var north = (cellLatitude - latitude) * 111_320;
        var east = (cellLongitude - longitude) * 111_320 * Math.Cos(latitude * Math.PI / 180);
        Assert.InRange(Math.Sqrt((north * north) + (east * east)), 0, CoarsePlace.CellMetres / Math.Sqrt(2) + 1);
    }

    [Fact]
    public void Neighbouring_houses_share_one_point_and_a_place_a_street_away_does_not()
    {
        var cityHall = CoarsePlace.Of(40.58412, 140.56681);

        Assert.Equal(cityHall, CoarsePlace.Of(40.58405, 140.56690)); // about 10 m away, same cell
        Assert.NotEqual(cityHall, CoarsePlace.Of(40.58412 + 0.0015, 140.56681)); // about 170 m north
        Assert.Equal(cityHall, CoarsePlace.Of(cityHall.Latitude, cityHall.Longitude)); // a cell's centre stays put
    }
}
