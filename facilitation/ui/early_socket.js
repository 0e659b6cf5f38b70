// Opens the page's socket as soon as socket.io has loaded, while Vue and Quasar are still on their
// way and starting: on a 400 ms link the websocket's opening is one round trip no longer waited
// for after the page is drawn. NiceGUI's own `io(...)` call, made once the page is mounted, is
// handed that connection (facilitation/ui/page_template.py inlines this file into the page).
//
// The connection's address carries what NiceGUI's implicit handshake needs: the tab's ids, made
// here exactly as nicegui.js makes them, and left in the tab's storage so that nicegui.js, which
// runs next, finds the same (or nicegui.js's own, when socket.io came after it); and the document's id, given to NiceGUI when it connects. Its
// reconnections then carry NiceGUI's own query, which it keeps up to date.
//
// The connection's reconnections are quicker than socket.io's own (1 s doubling to 5 s): after a
// server restart a phone would find the server back up to 5 s late, and phones would then all
// reload together. Here 0.3 s doubling to 1.5 s, each ±50 %: phones come back within a second and a
// half of the server, spread over that time (a refused attempt costs a server that is down nothing).
function cercleConnect(path, query, transports) {
  if (!query.implicit_handshake || ("prerendering" in document && document.prerendering)) return;
  // crypto.randomUUID exists only in secure contexts: not on http://192.168.…
  const uuid = () =>
    window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
          (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
        );
  let ids;
  try {
    if (typeof TAB_ID !== "undefined" && typeof OLD_TAB_ID !== "undefined") {
      // socket.io came after nicegui.js had run (a slow link, a busy phone): its ids are made,
      // and the tab marked open; take them as they are
      ids = { document_id: uuid(), old_tab_id: OLD_TAB_ID, tab_id: TAB_ID };
    } else {
      const closed = sessionStorage.__nicegui_tab_closed;
      const stored = sessionStorage.__nicegui_tab_id;
      ids = {
        document_id: uuid(),
        old_tab_id: closed === "false" ? stored : null,
        tab_id: !stored || closed === "false" ? (sessionStorage.__nicegui_tab_id = uuid()) : stored,
      };
      // nicegui.js then keeps this tab id, and sets this back to "false"
      sessionStorage.__nicegui_tab_closed = "true";
    }
  } catch (error) {
    // no tab storage: NiceGUI connects by itself
    return;
  }
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;
  const lookup = window.io;
  let manager = new lookup.Manager(url, {
    path,
    query: { ...query, ...ids },
    transports: [...transports],
    tryAllTransports: true,
    reconnectionDelay: 300,
    reconnectionDelayMax: 1500,
    randomizationFactor: 0.5,
  });
  window.io = Object.assign((uri, opts) => {
    if (!manager || uri !== url || !opts || opts.path !== path) return lookup(uri, opts);
    const opened = manager;
    manager = null;
    Object.assign(opts.query, ids);
    window.documentId = ids.document_id;
    opened.opts.query = opts.query;
    return opened.socket("/", opts);
  }, lookup);
}
