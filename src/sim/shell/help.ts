/** What `help` prints on the workstation: what this shell can do, so nobody has to guess. */
export function helpText(): string {
  return `This terminal is a workstation next to a small Kubernetes cluster (one control-plane node,
two workers). It runs a bash-like shell:

  kubectl ...          talk to the cluster (also: k ...)
  curl, wget           HTTP from the workstation: node IPs on NodePorts and load-balancer IPs
                       answer; ClusterIPs and pod IPs do not (they time out, as they would)
  nslookup, ping       name lookups and ICMP as seen from here
  cat, ls, rm, cp, mv, mkdir, touch, cd, pwd      files (shared with the editor)
  vi FILE              open FILE in the page's editor
  grep, head, tail, wc, sort, uniq, cut, awk, sed, tr, seq, tee, base64  text filters
  echo, printf, env, export, alias, history, clear, sleep, date, watch, which, type, test
  jobs, kill           commands started with & (kubectl port-forward svc/web 8080:82 &)

Shell syntax: 'single' and "double" quotes, $VAR, $(command), $((1+2)), {1..5}, pipes |,
&& ||, ;, redirections > >> 2>&1 < and here-documents (cat <<EOF > svc.yaml),
for, while and if.

Inside the cluster: kubectl exec deploy/web -- wget -qO- http://web:82, or
  kubectl run tmp --rm -it --image=busybox --restart=Never -- wget -qO- http://web:82
`;
}
