# Concurrency Lab for a class on one machine: Debian's jupyterhub (3.0) and configurable-http-proxy.
# Every student logs in with their own Unix account (PAM) and gets a single-user Jupyter server of
# their own, running as that user, with the lecture notebooks in their home and the concurrency-lab
# kernel. Each kernel and its runtime JVM run as the student, on 127.0.0.1, with authenticated
# sockets and owner-only files (docs/security.md), so one student cannot reach another's kernel.
#
#   jupyterhub -f /etc/jupyterhub/jupyterhub_config.py      (as root; README: "A class on one machine")
#
# Settings a lecturer changes are read from the environment, with the defaults below.
import os
import shutil
from pathlib import Path

c = get_config()  # noqa: F821 (provided by jupyterhub when it loads this file)

# Where the hub listens. Put TLS in front of it (a reverse proxy, or c.JupyterHub.ssl_cert/ssl_key)
# before students log in over a network: passwords travel in the login form.
c.JupyterHub.bind_url = os.environ.get("CLASSROOM_URL", "http://:8000")

# Students: existing Unix accounts, checked by PAM. The Unix group "students" may log in; members of
# "lecturers" are hub admins (they see every student's server, and can stop or start it).
c.Authenticator.allowed_groups = {os.environ.get("CLASSROOM_STUDENTS_GROUP", "students")}
c.Authenticator.admin_groups = {os.environ.get("CLASSROOM_LECTURERS_GROUP", "lecturers")}
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"

# One server per student, started as that student (LocalProcessSpawner, the default). Debian's
# single-user server is the classic Notebook; the kernelspec is where `install --prefix` put it.
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
KERNEL_PREFIX = os.environ.get("CLASSROOM_KERNEL_PREFIX", "/usr/local")
c.Spawner.environment = {"JUPYTER_PATH": f"{KERNEL_PREFIX}/share/jupyter"}
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/tree/concurrency-lab"

# Each student starts with their own copy of the lecture notebooks, in ~/concurrency-lab, made
# once: what a student changed there is never overwritten.
NOTEBOOKS = Path(os.environ.get("CLASSROOM_NOTEBOOKS", "/usr/local/share/concurrency-lab/notebooks"))


def copy_notebooks(spawner):
    import pwd
    user = pwd.getpwnam(spawner.user.name)
    target = Path(user.pw_dir, "concurrency-lab")
    if target.exists() or not NOTEBOOKS.is_dir():
        return
    shutil.copytree(NOTEBOOKS, target)
    for folder, _, files in os.walk(target):
        os.chown(folder, user.pw_uid, user.pw_gid)
        for name in files:
            os.chown(os.path.join(folder, name), user.pw_uid, user.pw_gid)


c.Spawner.pre_spawn_hook = copy_notebooks

# Limits. LocalProcessSpawner passes these to the server as MEM_LIMIT and CPU_LIMIT but does not
# enforce them (enforcing needs cgroups: systemdspawner, or Kubernetes: deploy/kubernetes/).
# What bounds a student here is the kernel's own JVM heap (set at install, see the README's
# "Memory of the runtime") and the culling of idle kernels and servers below.
c.Spawner.mem_limit = os.environ.get("CLASSROOM_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("CLASSROOM_CPU_LIMIT", "1"))

# Memory goes back to the students who are working: a kernel idle for an hour is shut down by the
# student's server, and a server with no activity for two hours stops itself.
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=3600",
    "--MappingKernelManager.cull_interval=300",
    "--NotebookApp.shutdown_no_activity_timeout=7200",
    # A kernel whose port was taken before it could bind it (the server picks free ports, then the
    # kernel's JVM binds them, and on a busy machine another process can get one in between) exits at
    # once; Jupyter restarts it on new ports only while it counts the kernel as still starting, which
    # is 10 s by default. At the start of a lecture a JVM can take longer than that to reach its bind.
    "--KernelRestarter.stable_start_time=60",
]
c.Spawner.http_timeout = 120  # the start of a lecture: many servers start at once on a busy machine
c.JupyterHub.cleanup_servers = True
