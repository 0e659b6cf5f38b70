// Opens the page's socket as soon as socket.io has loaded, while Vue and Quasar are still on their
// way and starting: on a 400 ms link the websocket's opening is one round trip no longer waited
// for after the page is drawn. NiceGUI's own `io(...)` call, made once the page is mounted, is
// handed that connection (facilitation/ui/page_template.py inlines this file into the page).
//
// The connection opens without NiceGUI's implicit handshake: the tab and document ids are not
// known yet (nicegui.js makes them). NiceGUI then shakes hands itself, with the message it uses
// when the handshake is not implicit, as soon as its socket is connected; its reconnections
// carry its own query, which it keeps up to date.
function cercleConnect(path, query, transports) {
  if (!query.implicit_handshake || ("prerendering" in document && document.prerendering)) return;
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;
  const lookup = window.io;
  let manager = new lookup.Manager(url, {
    path,
    query: { ...query, implicit_handshake: false },
    transports: [...transports],
    tryAllTransports: true,
  });
  window.io = Object.assign((uri, opts) => {
    if (!manager || uri !== url || !opts || opts.path !== path) return lookup(uri, opts);
    const opened = manager;
    manager = null;
    opts.query.implicit_handshake = false;
    opened.opts.query = opts.query;
    return opened.socket("/", opts);
  }, lookup);
}
