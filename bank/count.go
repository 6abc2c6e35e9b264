package bank

// Counts says how many items of each kind a bank or topic holds.
type Counts struct {
	Topics, Questions, Terms, Strengths, Gaps, Samples, Diagrams, PlanRows int
}

// Count returns how many items of each kind the bank holds.
func (b *Bank) Count() Counts {
	var c Counts
	for i := range b.Topics {
		c.add(b.Topics[i].Count())
	}
	c.PlanRows = len(b.Plan)
	return c
}

// Count returns how many items of each kind the topic holds; Topics is 1
// and PlanRows 0.
func (t *Topic) Count() Counts {
	c := Counts{Topics: 1, Questions: len(t.Questions), Terms: len(t.Guide)}
	for i := range t.Questions {
		q := &t.Questions[i]
		c.Strengths += len(q.Strengths)
		c.Gaps += len(q.Gaps)
		c.Samples += len(q.Samples)
		c.Diagrams += len(q.Diagrams)
	}
	return c
}

func (c *Counts) add(d Counts) {
	c.Topics += d.Topics
	c.Questions += d.Questions
	c.Terms += d.Terms
	c.Strengths += d.Strengths
	c.Gaps += d.Gaps
	c.Samples += d.Samples
	c.Diagrams += d.Diagrams
	c.PlanRows += d.PlanRows
}
