package cluster_test

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
)

// wire is a wire story as its agency sent it; the cases below are what
// outlets made of it, and what other outlets wrote about the same day.
var wire = []string{
	"Rescue teams pulled two more survivors from a collapsed apartment block in the eastern city of Malatya on Sunday, a day after a strong earthquake shook the region.",
	"The disaster agency said the death toll had risen to 31 and that more than 1,600 people were being treated in hospitals across three provinces.",
	"A mother and her young son were carried out of the rubble after spending 28 hours trapped under a fallen staircase, television pictures showed.",
	"Temperatures dropped below freezing overnight, and emergency workers set up more than 9,000 tents for families who could not return to their homes.",
	"The president visited the worst-hit district on Saturday and promised that the state would rebuild every damaged house within a year.",
	"Seismologists recorded more than 600 aftershocks, the strongest of them a magnitude 5.1 tremor that struck shortly after midnight.",
	"Schools in the province will stay closed for a week while engineers inspect their buildings, the governor's office said.",
}

func doc(id, source string, day int, lines ...string) cluster.Doc {
	return cluster.Doc{ID: id, Source: source, Published: storyline.Day(2020, time.January, day), Text: strings.Join(lines, "\n\n")}
}

func TestCopies(t *testing.T) {
	testCopies(t, cluster.Options{})
}

func testCopies(t *testing.T, opt cluster.Options) {
	original := doc("wire", "agency", 26, wire...)
	cases := []struct {
		name string
		page cluster.Doc
		copy bool
	}{
		{"a syndicated copy under other furniture and extra paragraphs",
			doc("syndicated", "gazette", 26, append(append([]string{"Most read: Floods close the coast road", "Sign up for our morning briefing, delivered before breakfast every weekday."},
				wire...), "More stories from the region", "Local volunteers collected blankets and food for the families in tents outside the town hall on Sunday evening.",
				"A second convoy of supplies is expected to leave the capital on Monday morning, the organisers said.",
				"Readers who want to help can give at the collection point beside the old market, where volunteers will be until nine.")...), true},
		{"a truncated copy: the first three paragraphs",
			doc("truncated", "portal", 26, wire[:3]...), true},
		{"an update that grew: the story with three new paragraphs",
			doc("update", "agency2", 27, append(append([]string{}, wire...),
				"On Monday the disaster agency raised the death toll to 36 as rescuers reached the last buildings on the list.",
				"Officials said the search in Malatya would end by nightfall, and the army would take over the clearing of the rubble.",
				"Aid from four neighbouring countries arrived at the regional airport in the afternoon.")...), true},
		{"an edited copy: paragraphs dropped and reworded, its own added",
			doc("edited", "courier", 26,
				wire[0],
				"The disaster agency said the death toll had climbed to 31, and more than 1,600 injured people were in hospitals in three provinces.",
				wire[3], wire[4],
				"In our city, the red crescent opened a blood donation centre at the sports hall, and queues formed within an hour.",
				"The council said it would send two fire engines and a team of twelve rescuers to Malatya on Monday.",
				"Residents who have relatives in the region can call a helpline the council set up on Sunday afternoon."), true},
		{"two sentences copied whole",
			doc("short", "brief", 26, wire[0], wire[1]), true},
		{"another outlet's own report, quoting the same officials",
			doc("own", "daily", 26,
				"Survivors were still being found on Sunday in Malatya, where an apartment block fell in Saturday's earthquake.",
				"“We heard her voice under the stairs and dug with our hands until we reached her,” said one volunteer, who gave only his first name.",
				"“The state will rebuild every damaged house within a year,” the president told residents during his visit.",
				"Officials counted 31 dead and more than 1,600 injured, and the disaster agency said tents had been put up for those left homeless.",
				"In the village of Doganyol, farmers said their barns had collapsed and they had lost most of their animals."), false},
		{"a report that borrows one paragraph of background",
			doc("borrow", "weekly", 27,
				"Engineers in Malatya began on Monday to inspect the schools that the weekend's earthquake left standing, starting with the oldest buildings.",
				"The inspections are expected to take at least a week, and parents were told to keep their children at home until then.",
				wire[5],
				"The engineers' union said many of the schools were built before the 1999 building code and had never been reinforced.",
				"Teachers will hold lessons in tents in two districts where the damage was worst, the education ministry said."), false},
		{"the same lead a year later is another happening",
			cluster.Doc{ID: "next-year", Source: "agency", Published: storyline.Day(2021, time.January, 26), Text: strings.Join(wire[:3], "\n\n")}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := cluster.New(opt)
			cl.Add(original)
			p := cl.Add(c.page)
			if got := p.DuplicateOf == "wire"; got != c.copy {
				t.Errorf("duplicate_of %q (similarity %.2f), want a copy: %v", p.DuplicateOf, p.Similarity, c.copy)
			}
			if c.copy && (p.Similarity <= 0 || p.Similarity > 1) {
				t.Errorf("similarity %.2f out of (0, 1]", p.Similarity)
			}
		})
	}
}

// TestCopyOfLaterLonger: a copy that arrives first (the short one) is the
// original of the longer page that arrives later.
func TestCopyOfLaterLonger(t *testing.T) {
	cl := cluster.New(cluster.Options{})
	short := doc("short", "brief", 26, wire[:3]...)
	long := doc("long", "gazette", 26, append(append([]string{}, wire...), "Volunteers collected blankets and food for the families in tents outside the town hall.")...)
	cl.Add(short)
	if p := cl.Add(long); p.DuplicateOf != "short" {
		t.Errorf("the longer page: duplicate_of %q, want short", p.DuplicateOf)
	}
}
