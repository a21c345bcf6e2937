package quote

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// TestSpeakers checks who a quote is attributed to, rule by rule, with the
// entity extractor's mentions as ingest passes them. Each case names the
// quote by words of its content; an empty speaker means no quote may hold
// those words (Said leaves it out).
func TestSpeakers(t *testing.T) {
	type check struct {
		content   string // words of the quote's content
		speaker   string
		principal string
		unnamed   bool
	}
	tests := []struct {
		name   string
		text   string
		checks []check
	}{
		{
			name:   "a role with a possessive names its holder; the possessor is his principal",
			text:   "Angela Merkel met the visitors on Monday. Merkel’s spokesman Steffen Seibert said the chancellor had no plans to travel.",
			checks: []check{{content: "no plans to travel", speaker: "Steffen Seibert", principal: "Angela Merkel"}},
		},
		{
			name:   "a relative named after a possessor speaks for no one but themselves",
			text:   "Tenor Paul Arden's widow sues the clinic Arden was treated at before his collapse Helen Arden contends the staff ignored the warning signs.",
			checks: []check{{content: "the staff ignored the warning signs", speaker: "Helen Arden"}},
		},
		{
			name:   "a possessive pronoun before a role: the holder speaks, the pronoun's person is the principal",
			text:   "President Joe Biden took no questions, and his press secretary Jen Psaki noted that the leaders had spoken recently.",
			checks: []check{{content: "the leaders had spoken recently", speaker: "Jen Psaki", principal: "Joe Biden"}},
		},
		{
			name:   "an apposition after a role names the holder",
			text:   "The foreign minister, Sergey Lavrov, said the talks in Vienna had been useful.",
			checks: []check{{content: "had been useful", speaker: "Sergey Lavrov"}},
		},
		{
			name: "an unnamed source keeps its organisation, and later references go back to it, not to the last named person",
			text: "Antony Blinken spoke to his counterpart on Friday. A State Department spokesperson said the embassy would stay open. " +
				"The spokesperson said no decision had been made on visas. “We are watching the situation closely,” the spokesperson said.",
			checks: []check{
				{content: "the embassy would stay open", speaker: "a State Department spokesperson", principal: "State Department", unnamed: true},
				{content: "no decision had been made", speaker: "a State Department spokesperson", principal: "State Department", unnamed: true},
				{content: "watching the situation closely", speaker: "a State Department spokesperson", principal: "State Department", unnamed: true},
			},
		},
		{
			name:   "a bare role after a named speaker continues him",
			text:   "“The inquiry is under way,” Anatoly Glaz told reporters in Minsk on Thursday. The spokesman stressed that the results would take time.",
			checks: []check{{content: "the results would take time", speaker: "Anatoly Glaz"}},
		},
		{
			name:   "an unnamed person for an organisation is the person, with the organisation as principal",
			text:   "A spokesperson for Iran’s Defense Ministry on Sunday denied that any military cargo was at the port.",
			checks: []check{{content: "military cargo", speaker: "a spokesperson for Iran’s Defense Ministry", principal: "Defense Ministry", unnamed: true}},
		},
		{
			name:   "an adverbial between the cue and that is no part of the content",
			text:   "Jon Huntsman said in a letter circulated by US media that he was stepping down after two years.",
			checks: []check{{content: "he was stepping down after two years", speaker: "Jon Huntsman"}},
		},
		{
			name: "a person described by what he belongs to",
			text: "Moscow reacted within hours, and the speaker of the State Duma described the remark as an insult to every Russian citizen.",
			checks: []check{
				{content: "within hours"},
				{content: "as an insult", speaker: "the speaker of the State Duma", principal: "State Duma", unnamed: true},
			},
		},
		{
			name:   "an interview with a broadcaster is a setting, not a source",
			text:   "President Joe Biden in the interview with ABC News was saying that the Russian leader would pay a price.",
			checks: []check{{content: "would pay a price", speaker: "Joe Biden"}},
		},
		{
			name:   "a source read as a whole clause is its subject",
			text:   "Vladimir Putin answered Joe Biden's remarks on Thursday with a children's saying, “it takes one to know one,” and wished him good health.",
			checks: []check{{content: "it takes one to know one", speaker: "Vladimir Putin"}},
		},
		{
			name: "a pronoun after an unnamed source refers back to it",
			text: "A state department spokesperson said the mission was aware of the decision. They added that channels of communication stayed open.",
			checks: []check{
				{content: "aware of the decision", speaker: "a state department spokesperson", principal: "State Department", unnamed: true},
				{content: "channels of communication stayed open", speaker: "a state department spokesperson", principal: "State Department", unnamed: true},
			},
		},
		{
			name: "a pronoun continues the attribution before it, not the person named inside a quotation",
			text: "“Ambassador Ivan Petrov has been called home for consultations,” the deputy foreign minister said in a statement.\n\n" +
				"“What matters most is to keep talking,” he said.",
			checks: []check{
				{content: "called home for consultations", speaker: "the deputy foreign minister", unnamed: true},
				{content: "What matters most", speaker: "the deputy foreign minister", unnamed: true},
			},
		},
		{
			name: "a pronoun after another person is named outside quotations is that person's",
			text: "Tom Lee said the bridge was safe. Mayor Ann Ruiz toured the site on Monday. She said repairs would start in June.",
			checks: []check{
				{content: "the bridge was safe", speaker: "Tom Lee"},
				{content: "repairs would start in June", speaker: "Ann Ruiz"},
			},
		},
		{
			name:   "a source and cue set off by commas: the words around them are the content",
			text:   "The foreign ministry issued a statement on Tuesday. Russia, it said in the statement, was ready for “a frank review of every treaty.”",
			checks: []check{{content: "Russia was ready for", speaker: "the foreign ministry"}},
		},
		{
			name: "it and they with no attribution before are the organisation or country just named",
			text: "Russia has withdrawn its ambassador for consultations, citing relations they describe as close to collapse. " +
				"The intelligence office published its report on Tuesday. It says the campaign began in 2019.",
			checks: []check{
				{content: "as close to collapse", speaker: "Russia’s government"},
				{content: "the campaign began in 2019", speaker: "the intelligence office"},
			},
		},
		{
			name: "a capital acting as its state, a country and a government speak as the government",
			text: "Moscow said the expulsions would be answered. The Russian government said the ambassador would return. Russia denied the report.",
			checks: []check{
				{content: "the expulsions would be answered", speaker: "Russia’s government"},
				{content: "the ambassador would return", speaker: "Russia’s government"},
				{content: "the report", speaker: "Russia’s government"},
			},
		},
		{
			name:   "a city does not speak: the people at a meeting there do",
			text:   "Vladimir Putin and Joe Biden at a summit in Geneva on June 16 agreed that their ambassadors would return to their posts.",
			checks: []check{{content: "their ambassadors would return", speaker: "Vladimir Putin and Joe Biden"}},
		},
		{
			name:   "an embassy in a capital is the embassy",
			text:   "The Russian embassy in Washington said it was in close contact with the State Department.",
			checks: []check{{content: "close contact", speaker: "the Russian embassy in Washington"}},
		},
		{
			name:   "a group described with a country is the group, not the country",
			text:   "On October 5, a group of US senators wrote that the embassy should be expanded or staff expelled.",
			checks: []check{{content: "the embassy should be expanded", speaker: "a group of US senators", unnamed: true}},
		},
		{
			name: "negated cues are no quotes",
			text: "Anatoly Antonov did not say whether the consultations would continue. A Kremlin spokesman declined to comment on the report. " +
				"Officials refused to say when the talks would resume. Antonov said he would not return before summer.",
			checks: []check{
				{content: "the consultations would continue"},
				{content: "on the report"},
				{content: "when the talks would resume"},
				{content: "he would not return before summer", speaker: "Anatoly Antonov"},
			},
		},
		{
			name: "a cue in a question is no quote",
			text: "Joe Biden took no questions. When asked if he thought the talks had failed, he shrugged; whether he would agree to a second meeting stayed open.",
			checks: []check{
				{content: "the talks had failed"},
				{content: "a second meeting"},
			},
		},
		{
			name:   "a passive without an agent is no quote of its subject",
			text:   "The decision was disclosed after the report was released. The United States is believed to be preparing new sanctions.",
			checks: []check{{content: "after the report was released"}, {content: "preparing new sanctions"}},
		},
		{
			name:   "a headline's role refers forward to the only person who holds it",
			text:   "There are positive shifts in relations, the ambassador said\n\nMOSCOW – Relations have improved, said Russian Ambassador to Washington Anatoly Antonov.",
			checks: []check{{content: "There are positive shifts", speaker: "Anatoly Antonov"}},
		},
		{
			name:   "a title of an office is a description, not the office's last word",
			text:   "The jet's recorders show a pattern like the earlier crash, the Kenyan Minister of Transport said.",
			checks: []check{{content: "a pattern like the earlier crash", speaker: "the Kenyan Minister of Transport", principal: "Kenya", unnamed: true}},
		},
		{
			name:   "the holder of a company's office is a description when the text names no one",
			text:   "The CEO of Corvane Air says the recorders will be flown to Paris.",
			checks: []check{{content: "the recorders will be flown", speaker: "the CEO of Corvane Air", principal: "Corvane Air", unnamed: true}},
		},
		{
			name: "a spokesman of a long-named body is the spokesman",
			text: "A Dutch Board of Inquiry and Review for Rail Safety spokesman said that the carriages would be examined. He said the work could take weeks.",
			checks: []check{
				{content: "the carriages would be examined", speaker: "a Dutch Board of Inquiry and Review for Rail Safety spokesman", principal: "Dutch Board of Inquiry", unnamed: true},
				{content: "the work could take weeks", speaker: "a Dutch Board of Inquiry and Review for Rail Safety spokesman", principal: "Dutch Board of Inquiry", unnamed: true},
			},
		},
		{
			name:   "a place and its state after a comma are one place, not the source",
			text:   "A grand jury in Springfield, Illinois, issued a subpoena for the engineers' emails.",
			checks: []check{{content: "a subpoena for the engineers", speaker: "a grand jury", unnamed: true}},
		},
		{
			name:   "members of a body with a long name are the members",
			text:   "At the hearing, lawmakers on the Senate Subcommittee on Rail and Ports questioned the regulator about the inspections.",
			checks: []check{{content: "the regulator about the inspections", speaker: "lawmakers on the Senate Subcommittee on Rail and Ports", principal: "Senate Subcommittee", unnamed: true}},
		},
		{
			name:   "a relative clause before the cue belongs to its source",
			text:   "In Lusaka, a source who has read the transcript of the crew's radio calls said the aircraft climbed too fast.",
			checks: []check{{content: "the aircraft climbed too fast", speaker: "a source", unnamed: true}},
		},
		{
			name:   "a weekday before the source is a time, not part of it",
			text:   "On Friday Norway's regulator ordered all carriers to ground the jets.",
			checks: []check{{content: "all carriers to ground the jets", speaker: "Norway's regulator", unnamed: true, principal: "Norway"}},
		},
		{
			name: "cue words in other senses and sources that say no one spoke are no quotes",
			text: "Needless to say, viewers mocked the remarks. The earlier crash claimed the lives of 189 people. " +
				"Mr Lee's proposed budget cuts aid to farmers. The panel will open its hearing titled \"Safety in the Skies\" at noon, a hearing Friday, May 3, titled \"Rails at Risk\" after. " +
				"The total known number of deaths was 259. Airlines fret as Corvane finds its whole fleet grounded. " +
				"No aviation officials have called the new systems into question. Shortly after takeoff both pilots attempted to return. " +
				"The recorders will go abroad rather than being read in Addis Ababa. Without mentioning the crash, Ana Ruiz wrote that planes are safe.",
			checks: []check{
				{content: "viewers mocked"},
				{content: "the lives of 189 people"},
				{content: "budget cuts aid"},
				{content: "Safety in the Skies"},
				{content: "Rails at Risk"},
				{content: "number of deaths"},
				{content: "whole fleet grounded"},
				{content: "the new systems"},
				{content: "to return"},
				{content: "the crash"},
				{content: "planes are safe", speaker: "Ana Ruiz"},
			},
		},
		{
			name:   "an apposition whose closing comma is missing still names its holder",
			text:   "Governor Ruiz spoke first. Ruiz, the state's self-styled flood expert tweeted that the levees were fine.",
			checks: []check{{content: "the levees were fine", speaker: "Ruiz"}},
		},
		{
			name:   "a headline's capitals around a person's surname are that person",
			text:   "Ana Ruiz Answers Flood Critics by Tweeting That Levees Are \"Stronger Than Ever\"\n\nAna Ruiz spoke on Monday.",
			checks: []check{{content: "Stronger Than Ever", speaker: "Ana Ruiz"}},
		},
		{
			name:   "the one asked a question answers it",
			text:   "This morning, Cole and Rivers asked a former rail spokesman if he would ride the new trains and he said \"gladly,\" on air.",
			checks: []check{{content: "gladly", speaker: "a former rail spokesman", unnamed: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Said(Extract(tt.text, entity.Extract(tt.text)))
			for _, c := range tt.checks {
				var found []storyline.Quote
				for _, q := range qs {
					if strings.Contains(q.Text, c.content) {
						found = append(found, q)
					}
				}
				if c.speaker == "" {
					if len(found) > 0 {
						t.Errorf("%q: want no quote, got %s", c.content, describe(found[0]))
					}
					continue
				}
				if len(found) != 1 {
					t.Errorf("%q: want one quote, got %d: %+v", c.content, len(found), found)
					continue
				}
				q := found[0]
				if q.Speaker != c.speaker || q.Principal != c.principal || q.Unnamed != c.unnamed {
					t.Errorf("%q: got speaker %q principal %q unnamed %v, want %q %q %v (%s)",
						c.content, q.Speaker, q.Principal, q.Unnamed, c.speaker, c.principal, c.unnamed, describe(q))
				}
			}
		})
	}
}
