// The example's page script: the browser's own WebAuthn JSON helpers (PublicKeyCredential.parseCreationOptionsFromJSON,
// parseRequestOptionsFromJSON, credential.toJSON()), fetch with the session's CSRF token, nothing else.
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken},
    body: JSON.stringify(body ?? {}),
  });
  const json = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    throw new Error(json.detail); // an RFC 9457 problem: detail in plain words, reason for code
  }
  return json;
}

function run(action) {
  return async (event) => {
    event.preventDefault();
    try {
      await action(event);
      location.assign('/');
    } catch (error) {
      document.getElementById('message').textContent =
          error.name === 'NotAllowedError' ? 'The passkey request was cancelled or timed out.' : error.message;
    }
  };
}

document.getElementById('sign-up')?.addEventListener('submit', run(async (event) => {
  const options = await post('/signup/options', {username: event.target.elements.username.value});
  const credential = await navigator.credentials.create({
    publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
  });
  await post('/signup', credential.toJSON());
}));

document.getElementById('sign-in')?.addEventListener('click', run(async () => {
  const options = await post('/signin/options');
  const credential = await navigator.credentials.get({
    publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
  });
  await post('/signin', credential.toJSON());
}));

document.getElementById('sign-out')?.addEventListener('click', run(() => post('/signout')));
