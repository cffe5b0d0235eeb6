// Starts the official Web Chat against this host's Direct Line server (/v3/directline).
// ?ws=0 switches the WebSocket off (polling), ?lang=en asks for English.
// Who the user is does not live here: the token endpoint recognises the browser by its HttpOnly device cookie, so a
// new tab or a restarted browser is the same person. sessionStorage only lets a reload continue this tab's
// conversation. When the bot signs the user out ("keluar"), the page starts afresh.
(function () {
  'use strict';

  var domain = location.origin + '/v3/directline';
  var params = new URLSearchParams(location.search);
  var useWebSocket = params.get('ws') !== '0';
  var english = (params.get('lang') || '').toLowerCase().indexOf('en') === 0;
  var locale = english ? 'en-US' : 'id-ID';
  var storageKey = 'sinergi.directline';
  var status = document.getElementById('status');

  var styleOptions = {
    accent: '#0f766e',
    primaryFont: getComputedStyle(document.documentElement).getPropertyValue('--font'),
    backgroundColor: '#ffffff',
    botAvatarInitials: 'S',
    botAvatarBackgroundColor: '#0d9488',
    userAvatarInitials: english ? 'You' : 'Anda',
    userAvatarBackgroundColor: '#134e4a',
    bubbleBackground: '#f0fdfa',
    bubbleBorderColor: '#99f6e4',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#0f766e',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#0f766e',
    bubbleFromUserBorderRadius: 12,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0f766e',
    suggestedActionTextColor: '#0f766e',
    suggestedActionBorderRadius: 16,
    sendBoxButtonColor: '#0f766e',
    sendBoxButtonColorOnHover: '#134e4a',
    hideUploadButton: false,
    uploadAccept: 'image/*,application/pdf',
    uploadMultiple: true,
    // A picked file goes at once (as on WhatsApp): the evidence question waits for files, not for a second tap.
    sendAttachmentOn: 'attach'
  };

  function post(path, token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(domain + path, { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
      return response.json();
    });
  }

  // After a reload, continue the same conversation while its token is still good; otherwise start a new one.
  function connection() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null'); } catch (e) { saved = null; }
    var resume = saved && saved.token
      ? post('/tokens/refresh', saved.token).then(function (fresh) { return { token: fresh.token, conversationId: fresh.conversationId, resumed: true }; })
      : Promise.reject(new Error('nothing to resume'));
    return resume.catch(function () {
      return post('/tokens/generate').then(function (fresh) { return { token: fresh.token, conversationId: fresh.conversationId, resumed: false }; });
    });
  }

  function remember(conversation) {
    try { sessionStorage.setItem(storageKey, JSON.stringify({ token: conversation.token, conversationId: conversation.conversationId })); } catch (e) { /* private mode */ }
  }

  connection().then(function (conversation) {
    remember(conversation);
    var options = {
      token: conversation.token,
      domain: domain,
      webSocket: useWebSocket,
      conversationStartProperties: { locale: locale }
    };
    if (conversation.resumed) { options.conversationId = conversation.conversationId; }
    var directLine = window.WebChat.createDirectLine(options);
    // Keep the stored token current: Direct Line swaps it on refresh and reconnect.
    setInterval(function () {
      if (directLine.token) { remember({ token: directLine.token, conversationId: conversation.conversationId }); }
    }, 60000);

    // "keluar" answers with channelData.sinergi.signedOut: forget this tab's conversation and start a new one
    // (the server has revoked the device, so the token endpoint hands out a new identity).
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
          if (activity && activity.from && activity.from.role === 'bot' && activity.channelData && activity.channelData.sinergi && activity.channelData.sinergi.signedOut) {
            try { sessionStorage.removeItem(storageKey); } catch (e) { /* private mode */ }
            document.documentElement.setAttribute('data-signed-out', 'true');
            setTimeout(function () { location.reload(); }, 4000);
          }
          return next(action);
        };
      };
    });

    var host = document.getElementById('webchat');
    host.textContent = '';
    window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: locale, styleOptions: styleOptions }, host);
  }).catch(function () {
    status.textContent = english
      ? 'Sinergi cannot be reached right now. Please reload the page in a moment.'
      : 'Sinergi belum dapat dihubungi. Silakan muat ulang halaman beberapa saat lagi.';
    status.className = 'app-status error';
  });
})();
