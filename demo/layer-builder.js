// The embed builder's "Je eigen aanbod": a form that writes an organisation's own layer (HSDS 3.0
// with the Hulpkompas profile, layer/README.md) to download, with the snippet that uses it, and a
// check of a file dropped on it. Both are read by the widget's own layer reader (checkLayer of its
// layered build), so the messages are those of `hulpkompas layer check`. Nothing leaves the browser.

const form = document.getElementById('layer-form');
const result = document.getElementById('layer-result');
const problemsList = document.getElementById('layer-problems');
const jsonCode = document.getElementById('layer-json');
const snippetCode = document.getElementById('layer-snippet');
const download = document.getElementById('layer-download');
const fileInput = document.getElementById('layer-file');
const checkList = document.getElementById('layer-check-problems');
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

// The concepts, as the builder lists them (filled in from the data by `cargo xtask dist`).
const conceptSelect = document.getElementById('l-concept');
for (const box of document.querySelectorAll('input[name=concept]')) {
  const option = document.createElement('option');
  option.value = box.value;
  option.textContent = box.parentElement.textContent.replace(box.value, '').trim();
  if (box.value === 'sociaal-huis') option.selected = true;
  conceptSelect.append(option);
}

let reader = null;
/** The widget's layered build, for its layer reader. */
function layerReader() {
  reader ??= import('/widget/hulpkompas-layer.js').then(async (module) => {
    await module.default({ module_or_path: new URL('/widget/hulpkompas_widget_layer_bg.wasm', location.href) });
    return module;
  });
  return reader;
}

/** Every problem of `text`, one line each; a line saying so when there is none. */
async function check(text, list) {
  list.replaceChildren();
  let problems;
  try {
    problems = (await layerReader()).checkLayer(text);
  } catch (error) {
    problems = [`the layer reader could not load (${error.message || error})`];
  }
  const item = (text, ok) => {
    const li = document.createElement('li');
    li.className = ok ? 'layer-ok' : 'layer-problem';
    li.textContent = text;
    list.append(li);
  };
  if (problems.length === 0) item('Geen problemen: de widget kan dit bestand gebruiken.', true);
  for (const p of problems) item(p, false);
  return problems;
}

/** A stable id for each part of the record (HSDS wants ids; any unique string will do here). */
function ids(prefix) {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
}

/** The layer the form describes: one HSDS service with what is filled in. */
function layerOf(data) {
  const v = (k) => String(data.get(k) ?? '').trim();
  const id = ids(`hulpkompas-eigen-${v('postcode') || 'aanbod'}`);
  const service = { id: id(), name: v('name'), status: 'active' };
  if (v('url')) service.url = v('url');
  if (v('email')) service.email = v('email');
  service.organization = { id: id(), name: v('provider') };
  service.last_modified = new Date().toISOString().slice(0, 10);
  service.attributes = [{ id: id(), taxonomy_term: { id: id(), taxonomy: 'hulpkompas', code: v('concept') } }];
  if (v('kind')) service.attributes.push({ id: id(), taxonomy_term: { id: id(), taxonomy: 'hulpkompas-first-stop', code: v('kind') } });
  service.service_areas = [{ id: id(), extent_type: 'text', extent: v('areas') }];
  if (v('phone')) service.phones = [{ id: id(), number: v('phone') }];
  const schedules = DAYS.filter((d) => v(`${d}-opens`) || v(`${d}-closes`))
    .map((d) => ({ id: id(), freq: 'WEEKLY', byday: d, opens_at: v(`${d}-opens`), closes_at: v(`${d}-closes`) }));
  if (schedules.length) service.schedules = schedules;
  if (v('street') || v('city')) {
    service.service_at_locations = [{
      id: id(),
      location: {
        id: id(),
        location_type: 'physical',
        name: v('name'),
        addresses: [{ id: id(), address_1: v('street'), city: v('city'), postal_code: v('postcode'), country: 'BE', address_type: 'physical' }],
      },
    }];
  }
  return [service];
}

let objectUrl = null;
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = `${JSON.stringify(layerOf(new FormData(form)), null, 2)}\n`;
  jsonCode.textContent = text;
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  download.href = objectUrl;
  const postcode = String(new FormData(form).get('postcode') || '').trim() || String(new FormData(form).get('areas') || '').split(',')[0].trim();
  snippetCode.textContent = `<hulpkompas-widget postcode="${postcode.replace(/[^\w:]/g, '')}" lang="nl" offers="./ons-aanbod.json"></hulpkompas-widget>`;
  result.hidden = false;
  await check(text, problemsList);
});

async function checkFile(file) {
  if (!file) return;
  if (file.size > 1_000_000) {
    checkList.replaceChildren(Object.assign(document.createElement('li'), { className: 'layer-problem', textContent: `${file.name}: the file is ${file.size} bytes; a layer may be at most 1 MB` }));
    return;
  }
  await check(await file.text(), checkList);
}

fileInput.addEventListener('change', () => checkFile(fileInput.files[0]));
const zone = fileInput.closest('.layer-check');
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('layer-drop');
});
zone.addEventListener('dragleave', () => zone.classList.remove('layer-drop'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('layer-drop');
  checkFile(event.dataTransfer.files[0]);
});
