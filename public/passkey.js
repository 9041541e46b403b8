// Embargo's one script: passkeys need the browser's WebAuthn API, which only JavaScript can call.
// Every other form works without it. Served from this instance (CSP script-src 'self'), no inline code.
//
// A form marked data-webauthn="create" (register) or "get" (sign in) carries the server's options as
// JSON in data-options. On submit the browser is asked for a passkey; its answer is written, as JSON,
// into the form's hidden "response" field and the form is sent as usual. The server checks everything.
;(() => {
  'use strict'

  const toBytes = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes.buffer
  }

  const toText = (buffer) => {
    const bytes = new Uint8Array(buffer)
    let binary = ''
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i])
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  }

  const credentials = (list) => (list || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) }))

  const common = (credential) => ({
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
  })

  async function create(options) {
    const publicKey = Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      user: Object.assign({}, options.user, { id: toBytes(options.user.id) }),
      excludeCredentials: credentials(options.excludeCredentials),
    })
    const credential = await navigator.credentials.create({ publicKey })
    const response = credential.response
    return Object.assign(common(credential), {
      response: {
        clientDataJSON: toText(response.clientDataJSON),
        attestationObject: toText(response.attestationObject),
        transports: typeof response.getTransports === 'function' ? response.getTransports() : [],
      },
    })
  }

  async function get(options) {
    const publicKey = Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      allowCredentials: credentials(options.allowCredentials),
    })
    const credential = await navigator.credentials.get({ publicKey })
    const response = credential.response
    return Object.assign(common(credential), {
      response: {
        clientDataJSON: toText(response.clientDataJSON),
        authenticatorData: toText(response.authenticatorData),
        signature: toText(response.signature),
        userHandle: response.userHandle ? toText(response.userHandle) : undefined,
      },
    })
  }

  for (const form of document.querySelectorAll('form[data-webauthn]')) {
    const note = form.querySelector('[data-webauthn-note]')
    const failed = form.querySelector('[data-webauthn-failed]')
    if (!window.PublicKeyCredential || !navigator.credentials) continue
    if (note) note.hidden = true
    let sending = false
    form.addEventListener('submit', async (event) => {
      if (sending) return
      event.preventDefault()
      if (failed) failed.hidden = true
      try {
        const options = JSON.parse(form.dataset.options)
        const answer = form.dataset.webauthn === 'create' ? await create(options) : await get(options)
        form.elements.response.value = JSON.stringify(answer)
        sending = true
        form.submit()
      } catch (error) {
        if (failed) failed.hidden = false
        if (window.console) console.warn('passkey:', error && error.name)
      }
    })
  }
})()
