// The public report map: draws the list's reports (their coarsened places) on a Leaflet map. Without this script,
// or when Leaflet or the tiles fail, the list below the map says everything the map would.
(() => {
  const element = document.getElementById("public-report-map");
  if (!element) {
    return;
  }

  const status = document.getElementById("public-report-map-status");
  const colours = { received: "#a4141c", in_progress: "#8a4b00", completed: "#0b5a28" };

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function failed() {
    element.hidden = true;
    status.textContent = element.dataset.failedText;
  }

  function draw(L) {
    element.hidden = false;
    const map = L.map(element, { keyboard: true });
    const tiles = L.tileLayer(element.dataset.tileUrl, { maxZoom: 18, attribution: escapeHtml(element.dataset.attribution) });
    let tileErrors = 0;
    tiles.on("tileerror", () => {
      tileErrors += 1;
      if (tileErrors === 3) {
        status.textContent = element.dataset.failedText;
      }
    });
    tiles.addTo(map);

    const points = [];
    for (const item of document.querySelectorAll(".public-report[data-lat]")) {
      const point = [Number(item.dataset.lat), Number(item.dataset.lon)];
      points.push(point);
      L.circleMarker(point, { radius: 9, color: "#ffffff", weight: 2, fillColor: colours[item.dataset.status] ?? "#4a4a4a", fillOpacity: 0.9 })
        .bindPopup(escapeHtml(item.dataset.label))
        .addTo(map);
    }

    const centre = element.dataset.centre ? element.dataset.centre.split(",").map(Number) : [36.2, 138.25];
    if (points.length > 0) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    } else {
      map.setView(centre, element.dataset.centre ? 12 : 5);
    }
  }

  const script = document.createElement("script");
  script.src = element.dataset.leaflet;
  script.onload = () => (window.L ? draw(window.L) : failed());
  script.onerror = failed;
  document.head.appendChild(script);
})();
