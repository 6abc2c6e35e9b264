package cardhtml

import (
	"strings"
	"testing"
)

// TestMasked gives a term and a definition, and the definition as the
// front of a reverse card shows it, each mask written as "___".
func TestMasked(t *testing.T) {
	for _, tt := range []struct{ term, text, want string }{
		// One word: any case, plural and possessive, whole words only.
		{"Pod", "A pod wraps containers; Pods share a node. The Pod's IP. Podman is not a pod.",
			"A ___ wraps containers; ___ share a node. The ___ IP. Podman is not a ___."},
		// A name of several words: run together, hyphenated, its initials
		// in capitals only.
		{"ReplicaSet", "A ReplicaSet keeps N pods; replica sets, Replica-Sets and RS objects. rs is not RS.",
			"A ___ keeps N pods; ___, ___ and ___ objects. rs is not ___."},
		{"Horizontal Pod Autoscaler (HPA)", "The horizontal pod autoscaler, or HPA, scales pods. Two HPAs.",
			"The ___, or ___, scales pods. Two ___."},
		{"Infrastructure Management", "Infrastructure management im Rechenzentrum: IM.",
			"___ im Rechenzentrum: ___."},
		// A compound term: each part, with the words parts share.
		{"Liveness and Readiness Probes",
			"Kubernetes checks each pod. A liveness probe restarts it; a Readiness-Probe gates traffic. Liveness or readiness alone.",
			"Kubernetes checks each pod. A ___ restarts it; a ___ gates traffic. ___ or ___ alone."},
		{"ConfigMap and Secret", "ConfigMaps store configuration. Secrets store passwords. Config maps and map configs.",
			"___ store configuration. ___ store passwords. ___ and map configs."},
		{"Resource Requests and Limits", "Requests reserve, limits cap: resource limits and resource requests, per resource.",
			"___ reserve, ___ cap: ___ and ___, per resource."},
		{"Horizontal & Vertical Pod Autoscaling", "Vertical pod autoscaling resizes; horizontal pod autoscaling adds pods; vertical is a word.",
			"___ resizes; ___ adds pods; ___ is a word."},
		{"TCP/IP", "TCP carries bytes over IP; tcp/ip is a suite. Ip is not.",
			"___ carries bytes over ___; ___ is a suite. ___ is not."},
		// A part never masks an ordinary word that merely shares it: a
		// part is masked as a whole phrase.
		{"Service Mesh / Istio", "A service mesh such as Istio routes service traffic.",
			"A ___ such as ___ routes service traffic."},
		// "and" and "or" themselves, one-letter parts and function words
		// are never masked alone.
		{"A/B Testing", "A/B testing shows a variant to a group, or b to another; B testing alone.",
			"___ shows a variant to a group, or b to another; ___ alone."},
		{"The Scheduler and the API Server", "The scheduler asks the API server, which is the front door.",
			"The ___ asks the ___, which is the front door."},
		{"Do and Don't", "Do this, do not do that; don'ts.", "Do this, do not do that; ___."},
		// Plurals: English -ies/-y, -es; French -x, -aux; Spanish -ces.
		{"Network Policy", "Network policies select pods.", "___ select pods."},
		{"Classes", "One class, two classes.", "One ___, two ___."},
		{"Réseau", "Les réseaux et le réseau.", "Les ___ et le ___."},
		{"Journal", "Les journaux et le journal.", "Les ___ et le ___."},
		{"Luz", "Las luces y la luz.", "Las ___ y la ___."},
		// Case of any script.
		{"Übersicht", "ÜBERSICHT und übersicht.", "___ und ___."},
		// Escaped as text.
		{"<b>", "A <b> tag.", "A &lt;___&gt; tag."},
		{"--", "No words: <i>.", "No words: &lt;i&gt;."},
	} {
		got := strings.ReplaceAll(New(Options{}).Masked(tt.text, tt.term), maskHTML, "___")
		if got != tt.want {
			t.Errorf("Masked(%q, %q) =\n  %s\nwant\n  %s", tt.text, tt.term, got, tt.want)
		}
	}
}
