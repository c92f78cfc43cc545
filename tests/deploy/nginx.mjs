// Debian's nginx on the loopback, set up as the README's "Deploying the
// widget" says: deploy/nginx's http part and site snippet over dist/, with
// the portals' origins from ally.config.json. For the tests, the same nginx
// also answers for the portal's origin (http://localhost:PORT) by passing
// its requests to the test server (`backend`), and can record the widget
// pages' consoles as the test server does (?console=record).
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The portals the deployment allows: the build wrote the same list into every page. */
export const ORIGINS = JSON.parse(readFileSync(join(ROOT, "ally.config.json"), "utf8")).allowedOrigins;

/** The nginx to run: NGINX, else Debian's. */
const NGINX = process.env.NGINX || "/usr/sbin/nginx";

function config({ dir, port, backend, consoles }) {
  const ipv6 = hasIpv6() ? `listen [::1]:${port};` : "";
  const portal = backend
    ? `
  # The test portal's origin: its pages come from the test server.
  server {
    listen 127.0.0.1:${port};
    ${ipv6}
    server_name localhost;
    location / {
      proxy_pass http://127.0.0.1:${backend};
    }
  }`
    : "";
  const recording = consoles
    ? `
    # Tests only: a widget page asked for with ?console=record reports its console to the test server.
    location /__test/ {
      proxy_pass http://127.0.0.1:${backend};
    }
    sub_filter '<meta charset=utf-8>' '<meta charset=utf-8>$ally_test_console';
    sub_filter_once on;`
    : "";
  return `# Written by tests/deploy/nginx.mjs: Debian's nginx with Ally's deploy/nginx files.
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {
  worker_connections 512;
}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  include ${ROOT}deploy/nginx/conf.d/ally-maps.conf;
  map $arg_console $ally_test_console {
    record '<script src="/__test/console.js"></script>';
    default '';
  }

  # Ally's origin, as the site file sets it up.
  server {
    listen 127.0.0.1:${port} default_server;
    ${ipv6}
    server_name 127.0.0.1;
    root ${ROOT}dist;
    set $ally_portals "${ORIGINS.join(" ")}";
    include ${ROOT}deploy/nginx/snippets/ally.conf;${recording}
  }${portal}
}
`;
}

let ipv6 = null;
function hasIpv6() {
  if (ipv6 === null) {
    try {
      ipv6 = readFileSync("/proc/net/if_inet6", "utf8").includes("00000000000000000000000000000001");
    } catch {
      ipv6 = false;
    }
  }
  return ipv6;
}

const listening = (port) => new Promise((ok) => {
  const socket = connect(port, "127.0.0.1", () => { socket.end(); ok(true); });
  socket.on("error", () => ok(false));
});

/**
 * Starts nginx on 127.0.0.1:`port` (and ::1 where the machine has it) for
 * dist/. `backend`: the test server's port, for the portal's origin and the
 * console recording. Resolves to { stop, dir } once it accepts connections;
 * throws with nginx's own words when the configuration is wrong.
 */
export async function startNginx({ port, backend = null, consoles = false }) {
  const dir = join(ROOT, "test-results", `nginx-${port}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "tmp"), { recursive: true });
  // Its workers run as an unprivileged user when it starts as root.
  chmodSync(join(dir, "tmp"), 0o777);
  const conf = join(dir, "nginx.conf");
  writeFileSync(conf, config({ dir, port, backend, consoles }));
  const args = ["-p", dir, "-c", conf, "-e", join(dir, "error.log")];
  try {
    execFileSync(NGINX, ["-t", "-q", ...args], { stdio: "pipe" });
  } catch (e) {
    throw new Error(`nginx refused the configuration ${conf}:\n${e.stderr}`);
  }
  const child = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  child.stderr.on("data", (d) => { said += d; });
  const exited = new Promise((ok) => child.on("exit", ok));
  for (let i = 0; !(await listening(port)); i++) {
    if (child.exitCode !== null || i > 200) {
      child.kill();
      throw new Error(`nginx did not start on port ${port}: ${said}${readFileSync(join(dir, "error.log"), "utf8")}`);
    }
    await new Promise((ok) => setTimeout(ok, 25));
  }
  return {
    dir,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
    },
  };
}
