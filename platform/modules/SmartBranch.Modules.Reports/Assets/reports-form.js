// The report form's progressive enhancement. Without it the form still works: the place is given as latitude and
// longitude, and the server checks everything. With it: focus moves to the first error, a photo over the limit is
// refused before it is sent, a map (Leaflet) sets the place with a pin, "use my location" asks the phone, and the
// confirmation cannot be sent twice by a double tap.
(() => {
  'use strict';

  const firstError = document.querySelector('[aria-invalid="true"]');
  if (firstError) {
    firstError.focus();
  }

  const confirm = document.getElementById('report-confirm');
  if (confirm) {
    let sent = false;
    confirm.addEventListener('submit', (event) => {
      if (sent) {
        event.preventDefault();
      }
      sent = true;
    });
  }

  const form = document.getElementById('report-form');
  if (!form) {
    return;
  }

  const photoInputs = Array.from(form.querySelectorAll('input[type="file"]'));
  const photoStatus = document.createElement('p');
  photoStatus.className = 'field-error';
  photoStatus.id = 'report-photo-check';
  photoStatus.setAttribute('role', 'alert');
  photoStatus.hidden = true;
  photoInputs[0].closest('.field').before(photoStatus);
  photoInputs.forEach((input) => {
    input.addEventListener('change', () => {
      const file = input.files[0];
      photoStatus.hidden = true;
      if (file && file.size > Number(form.dataset.maxPhotoBytes)) {
        input.value = '';
        photoStatus.textContent = form.dataset.photoTooLarge;
        photoStatus.hidden = false;
        return;
      }
      if (file) {
        // One photo per report: the other field's choice gives way.
        photoInputs.filter((other) => other !== input).forEach((other) => { other.value = ''; });
      }
    });
  });

  const element = document.getElementById('report-map');
  const latitude = document.getElementById('latitude');
  const longitude = document.getElementById('longitude');
  const status = document.getElementById('place-status');
  if (!element || !window.L) {
    return;
  }

  const L = window.L;
  element.closest('.report-map-part').hidden = false;
  const escape = (text) => {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  };
  const [centreLat, centreLon, zoom] = element.dataset.centre.split(',').map(Number);
  const map = L.map(element, { keyboard: true }).setView([centreLat, centreLon], zoom);
  L.tileLayer(element.dataset.tileUrl, { maxZoom: 18, attribution: escape(element.dataset.attribution) }).addTo(map);
  let pin = null;

  const given = () => {
    const lat = Number.parseFloat(latitude.value);
    const lon = Number.parseFloat(longitude.value);
    return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? L.latLng(lat, lon) : null;
  };

  const place = (latLng, announce) => {
    if (!pin) {
      pin = L.marker(latLng, { draggable: true, keyboard: true, title: element.dataset.pinnedText }).addTo(map);
      pin.on('dragend', () => place(pin.getLatLng(), true));
    } else {
      pin.setLatLng(latLng);
    }
    latitude.value = latLng.lat.toFixed(6);
    longitude.value = latLng.lng.toFixed(6);
    if (announce) {
      status.textContent = `${element.dataset.pinnedText}（${latitude.value}、${longitude.value}）`;
    }
  };

  const start = given();
  if (start) {
    place(start, false);
    map.setView(start, 17);
  }

  map.on('click', (event) => place(event.latlng, true));

  // Keyboard: the arrow keys move the map (Leaflet), Enter puts the pin at its centre.
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === element) {
      event.preventDefault();
      place(map.getCenter(), true);
    }
  });

  const follow = () => {
    const latLng = given();
    if (latLng) {
      place(latLng, false);
      map.panTo(latLng);
    }
  };
  latitude.addEventListener('change', follow);
  longitude.addEventListener('change', follow);

  const locate = document.getElementById('use-location');
  if (!navigator.geolocation) {
    return;
  }

  locate.hidden = false;
  locate.addEventListener('click', () => {
    status.textContent = locate.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const latLng = L.latLng(position.coords.latitude, position.coords.longitude);
        place(latLng, false);
        map.setView(latLng, 17);
        status.textContent = locate.dataset.located;
      },
      () => { status.textContent = locate.dataset.failed; },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
