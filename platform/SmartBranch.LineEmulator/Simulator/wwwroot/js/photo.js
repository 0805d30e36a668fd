// The emulator takes request bodies of at most 2 MB, as LINE does, and base64 adds a third: larger photos are
// scaled down and re-encoded as JPEG before they are sent.
const MAX_BYTES = 1_400_000;
const MAX_SIDE = 1600;

/** A photo file as an image event's { data (base64), contentType }. */
export async function readPhoto(file) {
  const blob = file.size > MAX_BYTES ? await shrink(file) : file;
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return { data: dataUrl.slice(dataUrl.indexOf(',') + 1), contentType: blob.type };
}

async function shrink(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}
