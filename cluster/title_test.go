package cluster_test

import (
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
)

// The crash of a jet and the grounding of its model that followed, as
// outlets told them (written for this test): three reports of the crash,
// then more of the groundings. The story is the crash and what followed;
// the groundings, with the most reports, are one of its turns.
var (
	crash = []cluster.Doc{
		{ID: "crash-1", Source: "wire", Title: "Ethiopian Airlines jet crashes after takeoff from Addis Ababa, killing all 157 on board",
			Published: storyline.Day(2019, time.March, 10),
			Text: `An Ethiopian Airlines Boeing 737 Max crashed six minutes after taking off from Addis Ababa on Sunday, killing all 157 people on board, the airline said.
Flight ET302 was bound for Nairobi. The pilot had reported difficulties and asked to return to Addis Ababa, the chief executive of Ethiopian Airlines said.
Passengers from 35 countries were on the plane, among them 32 Kenyans and 18 Canadians. Rescue teams searched the crash site near Bishoftu.`},
		{ID: "crash-2", Source: "daily", Title: "No survivors as Ethiopian Airlines Boeing 737 Max goes down near Bishoftu",
			Published: storyline.Day(2019, time.March, 10),
			Text: `All 157 people on board an Ethiopian Airlines Boeing 737 Max died when the plane crashed near Bishoftu on Sunday morning, shortly after taking off from Addis Ababa for Nairobi.
The pilot of flight ET302 reported difficulties and asked to return, Ethiopian Airlines said. The crash site near Bishoftu was a smoking crater.
Kenyans, Canadians and Ethiopians were among the 157 victims, the airline said.`},
		{ID: "crash-3", Source: "post", Title: "Relatives mourn the 157 killed in the Ethiopian Airlines crash",
			Published: storyline.Day(2019, time.March, 11),
			Text: `Relatives gathered at the airport in Nairobi on Monday, a day after an Ethiopian Airlines Boeing 737 Max bound for the Kenyan capital crashed near Bishoftu, killing all 157 on board.
Flight ET302 went down six minutes after taking off from Addis Ababa. The pilot had asked to return, Ethiopian Airlines said.
Rescue teams recovered remains at the crash site near Bishoftu.`},
	}
	grounding = []cluster.Doc{
		{ID: "ground-1", Source: "tribune", Title: "China grounds all Boeing 737 Max jets after Ethiopian Airlines crash",
			Published: storyline.Day(2019, time.March, 12),
			Text: `China's aviation regulator ordered its airlines to ground all Boeing 737 Max planes, citing the Ethiopian Airlines crash, the second of the model in five months.
Regulators in Indonesia and Ethiopia also suspended flights of the Boeing 737 Max, and Boeing said it had full confidence in the safety of the plane.
The Federal Aviation Administration said it saw no reason to ground the Boeing 737 Max.`},
		{ID: "ground-2", Source: "herald", Title: "Europe suspends all Boeing 737 Max flights as regulators ground the jet",
			Published: storyline.Day(2019, time.March, 12),
			Text: `The European Union Aviation Safety Agency suspended all flights of the Boeing 737 Max in European airspace, after China and Indonesia grounded the jet following the Ethiopian Airlines crash.
Boeing said it had full confidence in the safety of the Boeing 737 Max. The Federal Aviation Administration said it saw no reason to ground the plane.`},
		{ID: "ground-3", Source: "globe", Title: "Regulators around the world ground the Boeing 737 Max",
			Published: storyline.Day(2019, time.March, 12),
			Text: `Aviation regulators in China, Indonesia and the European Union grounded the Boeing 737 Max after the Ethiopian Airlines crash, while the Federal Aviation Administration held back.
Boeing said it had full confidence in the Boeing 737 Max, whose suspended flights left airlines scrambling for planes.`},
		{ID: "ground-4", Source: "times", Title: "Airlines ground Boeing 737 Max fleets as Europe closes its airspace to the jet",
			Published: storyline.Day(2019, time.March, 13),
			Text: `Airlines grounded their Boeing 737 Max fleets after the European Union Aviation Safety Agency suspended flights of the jet, following China and Indonesia.
The Federal Aviation Administration said it saw no reason to ground the Boeing 737 Max; Boeing said it had full confidence in the plane after the Ethiopian Airlines crash.`},
		{ID: "ground-5", Source: "courier", Title: "Boeing 737 Max grounded across Europe and Asia after Ethiopian crash",
			Published: storyline.Day(2019, time.March, 13),
			Text: `The Boeing 737 Max was grounded across Europe and Asia after the European Union Aviation Safety Agency, China and Indonesia suspended its flights following the Ethiopian Airlines crash.
Boeing said it had full confidence in the Boeing 737 Max. The Federal Aviation Administration said it would not ground the plane for now.`},
	}
)

// TestStoryTitle: a story is named by the headline that started it, not
// by its lead event (the one with the most reports: "Europe suspends all
// Boeing 737 Max flights" before), nor by the event's latest report.
func TestStoryTitle(t *testing.T) {
	c := cluster.New(cluster.Options{})
	var story string
	events := map[string][]string{}
	for _, d := range append(append([]cluster.Doc{}, crash...), grounding...) {
		p := c.Add(d)
		if story == "" {
			story = p.StoryID
		} else if p.StoryID != story {
			t.Fatalf("%s in story %s, want all in %s", d.ID, p.StoryID, story)
		}
		events[p.EventID] = append(events[p.EventID], d.ID)
	}
	c.SettleChanged()
	st, ok := c.Story(story)
	if !ok {
		t.Fatalf("no story %s", story)
	}
	for _, e := range st.Events {
		t.Logf("event %s %s %q: %d reports", e.ID, e.Date, e.Title, len(e.Members))
	}
	if len(st.Events) != 2 {
		t.Fatalf("%d events, want the crash and the groundings", len(st.Events))
	}
	// The first day's headlines of the crash (the more central of the two).
	if st.Title != crash[0].Title && st.Title != crash[1].Title {
		t.Errorf("story titled %q, want the headline of a first report of the crash: %q or %q", st.Title, crash[0].Title, crash[1].Title)
	}
}
