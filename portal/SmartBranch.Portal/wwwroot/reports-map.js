// Report maps (Leaflet, vendored in lib/leaflet). An ES module: the inbox's map page loads it with
// <script type="module">, and the case panel imports it through JS interop for its small map.
const leafletBase = new URL("./lib/leaflet/", import.meta.url);
let leaflet;

function loadLeaflet() {
  leaflet ??= new Promise((resolve, reject) => {
    if (window.L) {
      resolve(window.L);
      return;
    }
    const script = document.createElement("script");
    script.src = new URL("leaflet.js", leafletBase).href;
    script.onload = () => resolve(window.L);
    script.onerror = () => reject(new Error("Leaflet did not load"));
    document.head.appendChild(script);
  });
  return leaflet;
}

// Leaflet shows the attribution as HTML; the tenant's setting is text.
function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

function createMap(L, element, tiles) {
  const map = L.map(element, { keyboard: true });
  L.tileLayer(tiles.url, { maxZoom: 18, attribution: escapeHtml(tiles.attribution) }).addTo(map);
  return map;
}

function markerIcon(L, marker) {
  const span = document.createElement("span");
  span.className = `report-marker report-marker-${marker.shape}${marker.open ? "" : " report-marker-closed"}`;
  span.style.setProperty("--marker-colour", marker.colour);
  return L.divIcon({ className: "report-marker-icon", html: span.outerHTML, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -11] });
}

function popupContent(marker) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.href = marker.href;
  link.textContent = marker.receiptNumber;
  const facts = document.createElement("p");
  facts.textContent = `${marker.category}・${marker.statusLabel}・${marker.reportedAt}`;
  box.append(link, facts);
  return box;
}

async function showCases(element) {
  const L = await loadLeaflet();
  const status = document.getElementById(element.dataset.statusTarget);
  const response = await fetch(element.dataset.markersUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    status.textContent = element.dataset.failedText;
    return;
  }
  const body = await response.json();
  const map = createMap(L, element, { url: element.dataset.tileUrl, attribution: element.dataset.attribution });
  const points = [];
  for (const marker of body.markers) {
    const label = `${marker.receiptNumber} ${marker.category} ${marker.statusLabel} ${marker.reportedAt}`;
    const added = L.marker([marker.lat, marker.lon], { icon: markerIcon(L, marker), title: label, keyboard: true, riseOnHover: true })
      .bindPopup(popupContent(marker))
      .addTo(map);
    added.getElement()?.setAttribute("aria-label", label);
    points.push([marker.lat, marker.lon]);
  }
  if (points.length > 0) {
    map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
  } else {
    const [lat, lon, zoom] = element.dataset.centre.split(",").map(Number);
    map.setView([lat, lon], zoom);
  }
  status.textContent = body.markers.length < body.total
    ? element.dataset.cappedText.replace("{0}", body.markers.length).replace("{1}", body.total)
    : element.dataset.shownText.replace("{0}", body.markers.length);
}

/** The case page's small map: one marker at the case's place; the text beside it says the same. */
export async function showPlace(element, place) {
  const L = await loadLeaflet();
  element.replaceChildren();
  const map = createMap(L, element, place.tiles);
  map.setView([place.lat, place.lon], 17);
  L.marker([place.lat, place.lon], { title: place.label, keyboard: true, icon: markerIcon(L, { shape: "circle", open: true, colour: "#0b5cad" }) })
    .addTo(map)
    .getElement()?.setAttribute("aria-label", place.label);
}

for (const element of document.querySelectorAll("[data-report-map]")) {
  showCases(element).catch(() => {
    const status = document.getElementById(element.dataset.statusTarget);
    if (status) {
      status.textContent = element.dataset.failedText;
    }
  });
}
