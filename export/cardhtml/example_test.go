package cardhtml_test

import (
	"fmt"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/cardhtml"
)

func ExampleRenderer_Gaps() {
	r := cardhtml.New(cardhtml.Options{})
	fmt.Println(r.Gaps([]bank.Gap{{
		Title:    "Missing <ReplicaSet>",
		Phrasing: "A Deployment creates a ReplicaSet,\nwhich keeps the pods running.",
	}}))
	// Output:
	// <div class="bg-gap"><div class="bg-gap-title">Missing &lt;ReplicaSet&gt;</div><blockquote class="bg-phrasing">A Deployment creates a ReplicaSet,<br>which keeps the pods running.</blockquote></div>
}

func ExampleRenderer_Masked() {
	r := cardhtml.New(cardhtml.Options{})
	fmt.Println(r.Masked("A ReplicaSet keeps N pods; replica sets <rarely> run alone.", "ReplicaSet"))
	// Output:
	// A <span class="bg-mask">_____</span> keeps N pods; <span class="bg-mask">_____</span> &lt;rarely&gt; run alone.
}
