// A telehealth portal as many are: React 19 in StrictMode, built by Vite,
// the SDK installed from npm and bundled (no script from elsewhere). It
// embeds Ally two ways, chosen by ?via=: the <ally-checkin> element, or
// mount() in an effect. Everything it hears goes to window.log.
import { StrictMode, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { defineElements, mount } from "ally-embed";

defineElements();

const WIDGET = `http://127.0.0.1:${location.port}/`;
const params = new URLSearchParams(location.search);
const log = (window.log = { ready: [], answer: [], complete: [], error: [], renders: 0 });

/** The element: a property for the config, attributes for the rest, events as React 19 passes them. */
function ElementCheckin({ helper }) {
  return (
    <ally-checkin
      src={WIDGET}
      age="9"
      session="react-visit-1"
      config={{ helperName: helper }}
      onally-ready={(e) => log.ready.push(e.detail)}
      onally-answer={(e) => log.answer.push(e.detail)}
      onally-complete={(e) => log.complete.push(e.detail)}
      onally-error={(e) => log.error.push(e.detail)}
    />
  );
}

/** mount() in an effect, destroyed in its cleanup: StrictMode mounts it twice. */
function MountedCheckin({ helper }) {
  const place = useRef(null);
  useEffect(() => {
    const ally = mount(place.current, {
      src: WIDGET,
      config: { age: 9, helperName: helper },
      onReady: (r) => log.ready.push(r),
      onAnswer: (a) => log.answer.push(a),
      onComplete: (r) => log.complete.push(r),
      onError: (e) => log.error.push(e),
    });
    return () => ally.destroy();
  }, [helper]);
  return <div ref={place} />;
}

function Portal() {
  const [shown, setShown] = useState(true);
  const [ticks, setTicks] = useState(0);
  log.renders += 1;
  const Checkin = params.get("via") === "mount" ? MountedCheckin : ElementCheckin;
  return (
    <main>
      <p>
        <button type="button" onClick={() => setShown(!shown)}>{shown ? "Hide the check-in" : "Show the check-in"}</button>
        <button type="button" onClick={() => setTicks(ticks + 1)}>Render again ({ticks})</button>
      </p>
      {shown && <Checkin helper="Sam" />}
    </main>
  );
}

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
