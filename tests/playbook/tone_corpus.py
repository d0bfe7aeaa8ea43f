"""Messages job seekers write after an interview, labelled: FINE (polite, brief,
specific) or the kind of thing the articles warn against. The tone check is
measured on them (test_tone_corpus.py), not tuned to them one by one.

Each is (label, message kind, text). Names, companies and roles are invented.
"""

from __future__ import annotations

from nextsteps.playbook.drafting import MessageKind

FINE = "fine"
FOLLOW_UP = MessageKind.FOLLOW_UP
THANK_YOU = MessageKind.THANK_YOU
REJECTION = MessageKind.REPLY_TO_REJECTION
CHECK_IN = MessageKind.CHECK_IN
MATERIALS = MessageKind.SEND_MATERIALS

CORPUS: list[tuple[str, MessageKind, str]] = [
    # --- fine -------------------------------------------------------------------
    (
        FINE,
        THANK_YOU,
        "Dear Giles,\n\nThank you for meeting me yesterday to talk about the Data Analyst "
        "role. I enjoyed hearing about the move to the new warehouse, and I'm even more "
        "excited about the job now.\n\nBest regards,\nPriya",
    ),
    (
        FINE,
        THANK_YOU,
        "Hi Sam,\n\nThanks again for your time this afternoon. It was great to meet the team "
        "and see how you run your sprint reviews. I'd love to help build the onboarding "
        "flow we talked about.\n\nAll the best,\nTom",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Mrs Okafor,\n\nThank you for inviting me in on Tuesday. I especially enjoyed our "
        "conversation about the community outreach programme, and I am keen to contribute "
        "to it.\n\nKind regards,\nDaniel Reyes",
    ),
    (
        FINE,
        THANK_YOU,
        "Hello Ms Chen,\n\nThank you for the interview this morning. Learning how your "
        "nurses rotate between wards was really useful, and it made me even more certain "
        "this is the right place for me.\n\nWarm regards,\nAisha",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Mr Hargreaves,\n\nThank you for taking the time to meet me today. I enjoyed "
        "discussing the spring catalogue and how the design team works with suppliers.\n\n"
        "I look forward to hearing about the next steps.\n\nYours sincerely,\nEmma Walsh",
    ),
    (
        FINE,
        THANK_YOU,
        "Hi Marco,\n\nThank you for the chat today! I really liked hearing about how the "
        "support team uses customer feedback to shape the roadmap. Please pass my thanks "
        "on to Julia as well.\n\nCheers,\nLeo",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Dr. Patel,\n\nThank you for meeting me on Friday to discuss the research "
        "assistant position. Your description of the cohort study was fascinating, and I "
        "would be glad to bring my experience with survey data to your lab.\n\n"
        "Best wishes,\nHannah",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Fiona,\n\nThank you for showing me around the kitchen on Monday. I'm excited "
        "about the sous chef role and the new seasonal menu.\n\nBest,\nRaj",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Giles,\n\nThank you again for considering me for the Data Analyst role, and "
        "for our conversation on Friday 6 November.\n\nI am still very interested in joining "
        "Acme. Have you made a decision about the role? If not, when do you think you will "
        "know?\n\nBest regards,\nPriya",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hi Sam,\n\nI hope your week is going well. I wanted to follow up on my interview "
        "for the Frontend Developer position last Thursday. Could you tell me where you are "
        "in the hiring process?\n\nThanks,\nTom",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Mrs Okafor,\n\nYou mentioned you hoped to decide by Friday 20 November, so I "
        "wanted to ask whether there is any news on the coordinator role. I remain very "
        "interested.\n\nKind regards,\nDaniel",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hello Ms Chen,\n\nThank you again for the interview on the 6th. I'm still very keen "
        "on the ward manager post. Has the panel reached a decision yet?\n\nWarm regards,\n"
        "Aisha",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Mr Hargreaves,\n\nI am writing about the Junior Designer role, which I remain "
        "keen on. Have you made a decision? If not, when do you think you will know?\n\n"
        "Thank you again for your time.\n\nYours sincerely,\nEmma Walsh",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hi Marco,\n\nFollowing up on our conversation last week about the Support Lead "
        "role. Is there anything else I can send you to help with your decision?\n\nBest,\n"
        "Leo",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Hannah,\n\nThanks again for meeting me on the 12th. I know these decisions take "
        "time. Could you let me know what the next steps are?\n\nBest wishes,\nJoe",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hello Fiona,\n\nI'm following up on the sous chef interview from the 3rd. I'm still "
        "very interested and would be happy to come in for a trial shift if that would "
        "help.\n\nBest,\nRaj",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Karen,\n\nThank you again for considering me for the Account Manager position. "
        "When do you expect to make a decision?\n\nRegards,\nMike",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hi Jess,\n\nHope you had a good weekend. Just a note to say I'm still excited about "
        "the UX Researcher role after our talk on Wednesday. Do you have a sense of the "
        "timeline for a decision?\n\nThanks,\nNina",
    ),
    (
        FINE,
        CHECK_IN,
        "Dear Hiring Manager,\n\nI applied for the Warehouse Supervisor role on 2 November "
        "and would like to check on the status of my application. I remain very interested "
        "and would be glad to send anything else that would help.\n\nBest regards,\n"
        "Carlos Mendes",
    ),
    (
        FINE,
        CHECK_IN,
        "Hello,\n\nI sent my application for the Junior Accountant position last week. "
        "Could you confirm you received it, and let me know the next steps?\n\nMany thanks,\n"
        "Grace",
    ),
    (
        FINE,
        CHECK_IN,
        "Hi Tara,\n\nI applied for the Marketing Assistant role through your website on "
        "Monday. I'd love to hear where things stand when you have a moment.\n\nBest,\nOwen",
    ),
    (
        FINE,
        CHECK_IN,
        "Dear Mr Alvarez,\n\nI recently applied for the Lab Technician vacancy. I have "
        "attached my CV again in case it is useful, and I would welcome the chance to "
        "discuss the role.\n\nKind regards,\nSophie",
    ),
    (
        FINE,
        REJECTION,
        "Dear Giles,\n\nThank you for letting me know, and for your time and consideration "
        "during the process. I enjoyed learning about Acme and meeting the team.\n\nI hope "
        "you will keep my resume on file and remember me for future openings.\n\n"
        "Best regards,\nPriya",
    ),
    (
        FINE,
        REJECTION,
        "Hi Sam,\n\nThanks for letting me know. I'm disappointed, of course, but I really "
        "enjoyed meeting everyone. If anything similar comes up, I'd love to be considered."
        "\n\nAll the best,\nTom",
    ),
    (
        FINE,
        REJECTION,
        "Dear Mrs Okafor,\n\nThank you for your call today. Although I'm sorry not to be "
        "joining the team this time, I appreciated the chance to interview. Please keep me "
        "in mind for future roles.\n\nKind regards,\nDaniel",
    ),
    (
        FINE,
        REJECTION,
        "Hello Ms Chen,\n\nThank you for your kind message. I understand, and I wish the "
        "new ward manager every success. I would be glad to hear from you if another post "
        "opens.\n\nWarm regards,\nAisha",
    ),
    (
        FINE,
        REJECTION,
        "Dear Karen,\n\nThanks for the update. If you have a moment, I'd welcome any feedback "
        "on my interview, as it would help me in future applications. Either way, thank you "
        "for your time.\n\nRegards,\nMike",
    ),
    (
        FINE,
        REJECTION,
        "Hi Jess,\n\nThank you for letting me know so quickly. It was a pleasure to talk "
        "with you and the research team, and I hope our paths cross again.\n\nBest,\nNina",
    ),
    (
        FINE,
        MATERIALS,
        "Dear Giles,\n\nAs promised, here are my references: Dr Alan Brooks (my manager at "
        "Northwind) and Sarah Lee (a client). Their details are below.\n\nPlease let me know "
        "if you need anything else.\n\nBest regards,\nPriya",
    ),
    (
        FINE,
        MATERIALS,
        "Hi Sam,\n\nHere's the link to my portfolio we discussed: https://tom.example.com/work"
        " It includes the checkout redesign and the accessibility audit.\n\nThanks again,\n"
        "Tom",
    ),
    (
        FINE,
        MATERIALS,
        "Dear Mr Alvarez,\n\nPlease find attached the copy of my certificate you asked for "
        "on Tuesday. I am happy to bring the original to a second interview.\n\n"
        "Kind regards,\nSophie",
    ),
    (
        FINE,
        MATERIALS,
        "Hello Fiona,\n\nAttached are the sample menus I mentioned. The autumn one uses only "
        "local suppliers.\n\nBest,\nRaj",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Ahmed,\n\nThank you for the technical interview today. I enjoyed working "
        "through the SQL exercise with you and hearing how the team moved its ETL jobs to "
        "Airflow.\n\nBest regards,\nLina",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Ahmed,\n\nI hope all is well. I'm writing to follow up on the Data Engineer "
        "interview on Tuesday 10 November. Have you reached a decision? I'm still very "
        "interested in the role.\n\nBest regards,\nLina",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Professor Jones,\n\nThank you for meeting me about the lecturer post. I "
        "appreciated your questions about my teaching, and I'd be delighted to develop the "
        "new first-year module.\n\nYours sincerely,\nBen Carter",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hi Olivia,\n\nThanks again for Monday's interview. I know you're interviewing other "
        "candidates this week, so no rush. Could you tell me when you expect to decide?\n\n"
        "Best,\nAmir",
    ),
    (
        FINE,
        THANK_YOU,
        "Dear Ms Novak,\n\nThank you for your time yesterday. Hearing about the bank's "
        "graduate programme and its rotations made me even keener to join.\n\nBest wishes,\n"
        "Ella",
    ),
    (
        FINE,
        REJECTION,
        "Dear Ms Novak,\n\nThank you for letting me know about the graduate scheme. I "
        "enjoyed the assessment day and learnt a lot from it. I hope to apply again next "
        "year.\n\nBest wishes,\nElla",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Peter,\n\nThank you again for considering me for the Electrician apprenticeship. "
        "Could you let me know where you are in the process? I'm happy to provide more "
        "references if needed.\n\nRegards,\nJamal",
    ),
    (
        FINE,
        CHECK_IN,
        "Hello Ruth,\n\nI applied for the Teaching Assistant position at Hillside Primary on "
        "the 4th. I'm very interested in the role and would welcome the chance to visit the "
        "school.\n\nKind regards,\nMaria",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Dear Ms Novak,\n\nI'm writing to ask whether the panel has made a decision about "
        "the graduate role. I need to give my current employer four weeks' notice, so "
        "knowing your timeline would help me plan.\n\nBest wishes,\nElla",
    ),
    (
        FINE,
        REJECTION,
        "Dear Peter,\n\nI'm sorry to hear the apprenticeship has gone to another candidate, "
        "but thank you for telling me yourself. I'd be grateful if you kept my details for "
        "next year's intake.\n\nRegards,\nJamal",
    ),
    (
        FINE,
        THANK_YOU,
        "Hi Olivia,\n\nThank you for Monday's interview and for introducing me to Dev and "
        "Clara. The data platform you're building on Kubernetes sounds like a great "
        "challenge.\n\nBest,\nAmir",
    ),
    (
        FINE,
        MATERIALS,
        "Dear Ahmed,\n\nAs requested, I've attached the take-home exercise (a short Python "
        "notebook and a README). Happy to walk you through it.\n\nBest regards,\nLina",
    ),
    (
        FINE,
        CHECK_IN,
        "Dear Recruitment Team,\n\nI applied for the Customer Service Adviser role "
        "(reference CS-2041) on 9 November. Could you let me know whether my application is "
        "still being considered, and when interviews are likely to take place?\n\n"
        "Kind regards,\nPatrick O'Neill",
    ),
    (
        FINE,
        FOLLOW_UP,
        "Hello Ruth,\n\nThank you for the interview on Thursday and for the tour of the "
        "classrooms. I'm still very enthusiastic about the Teaching Assistant position. "
        "Please let me know if you need anything from me before you decide.\n\n"
        "Kind regards,\nMaria",
    ),
    # --- asking whether you got the job (000) -----------------------------------
    ("did_i_get_the_job", FOLLOW_UP, "Hi Sam,\n\nWill I get the job?\n\nTom"),
    (
        "did_i_get_the_job",
        FOLLOW_UP,
        "Dear Giles,\n\nThank you again for the interview. Have you hired anyone yet?\n\nPriya",
    ),
    (
        "did_i_get_the_job",
        FOLLOW_UP,
        "Hello Ms Chen,\n\nI was just wondering if I got the job or not. Please let me know."
        "\n\nAisha",
    ),
    (
        "did_i_get_the_job",
        FOLLOW_UP,
        "Dear Karen,\n\nIt was great meeting you. Am I still in the running for the account "
        "manager position?\n\nMike",
    ),
    (
        "did_i_get_the_job",
        THANK_YOU,
        "Hi Marco,\n\nThanks for today, I think it went really well! So, did I get it?\n\nLeo",
    ),
    (
        "did_i_get_the_job",
        FOLLOW_UP,
        "Dear Fiona,\n\nHas the position been filled? I would like to know.\n\nRaj",
    ),
    # --- pressure, deadlines, ultimatums ----------------------------------------
    (
        "pressure",
        FOLLOW_UP,
        "Dear Karen,\n\nI have another offer on the table, so I need an answer by Friday.\n\nMike",
    ),
    (
        "pressure",
        FOLLOW_UP,
        "Hi Sam,\n\nPlease get back to me ASAP about the developer role.\n\nTom",
    ),
    (
        "pressure",
        FOLLOW_UP,
        "Dear Mr Hargreaves,\n\nIf I don't hear back by Monday I will assume you are not "
        "interested and withdraw my application.\n\nEmma",
    ),
    (
        "pressure",
        CHECK_IN,
        "Hello,\n\nI applied two weeks ago. Please let me know by end of day whether I have "
        "an interview.\n\nGrace",
    ),
    (
        "pressure",
        FOLLOW_UP,
        "Dear Olivia,\n\nI can't wait any longer for a decision, so please decide this week."
        "\n\nAmir",
    ),
    # --- contacting too often or too soon ---------------------------------------
    (
        "too_often",
        FOLLOW_UP,
        "Hi Jess,\n\nI've called every day this week and nobody picks up. Can someone call "
        "me?\n\nNina",
    ),
    (
        "too_often",
        FOLLOW_UP,
        "Dear Giles,\n\nThis is my third email about the analyst role. Please reply.\n\nPriya",
    ),
    (
        "too_often",
        FOLLOW_UP,
        "Hello Fiona,\n\nFollowing up on my email from this morning about the sous chef job."
        "\n\nRaj",
    ),
    (
        "too_often",
        THANK_YOU,
        "Hi Marco,\n\nSince our interview yesterday I've been thinking about the role. Any "
        "decision yet?\n\nLeo",
    ),
    (
        "too_often",
        FOLLOW_UP,
        "Dear Peter,\n\nI left you several voicemails but haven't been able to reach you. I "
        "will keep calling until I do.\n\nJamal",
    ),
    # --- desperation and begging -------------------------------------------------
    (
        "begging",
        FOLLOW_UP,
        "Dear Karen,\n\nI really need this job, I am begging you to give me a chance.\n\nMike",
    ),
    (
        "begging",
        THANK_YOU,
        "Hi Sam,\n\nThank you for the interview. This job means everything to me and I'll do "
        "anything to get it.\n\nTom",
    ),
    (
        "begging",
        FOLLOW_UP,
        "Dear Ms Chen,\n\nPlease, please consider me. I can't afford to lose this "
        "opportunity.\n\nAisha",
    ),
    (
        "begging",
        REJECTION,
        "Dear Mrs Okafor,\n\nIs there any way you could reconsider? You're my last hope, I've "
        "been out of work for months.\n\nDaniel",
    ),
    # --- hostility, sarcasm and blame -------------------------------------------
    ("hostile", REJECTION, "Your loss.\n\nRaj"),
    (
        "hostile",
        REJECTION,
        "Dear Karen,\n\nThis is unprofessional. You kept me waiting three weeks for a two-line "
        "email.\n\nMike",
    ),
    (
        "hostile",
        REJECTION,
        "Hi Jess,\n\nI deserve an explanation after three rounds of interviews.\n\nNina",
    ),
    (
        "hostile",
        REJECTION,
        "Dear Giles,\n\nGood luck finding someone with my experience. You've made a big "
        "mistake.\n\nPriya",
    ),
    (
        "hostile",
        REJECTION,
        "Thanks for nothing. What a waste of my time this whole process was.\n\nLeo",
    ),
    (
        "hostile",
        FOLLOW_UP,
        "Dear Mr Hargreaves,\n\nYou said you would get back to me last week. I'd appreciate "
        "the courtesy of a reply.\n\nEmma",
    ),
    (
        "hostile",
        FOLLOW_UP,
        "Hi Olivia,\n\nWhy haven't you replied to my email? It has been ten days.\n\nAmir",
    ),
    (
        "hostile",
        FOLLOW_UP,
        "Dear Peter,\n\nI've been waiting for weeks for your answer and nobody has bothered to "
        "get back to me.\n\nJamal",
    ),
    # --- apologising for following up (004) --------------------------------------
    (
        "apology",
        FOLLOW_UP,
        "Dear Ahmed,\n\nSorry to bother you again, but I wondered if there was any news on "
        "the data engineer role.\n\nLina",
    ),
    (
        "apology",
        FOLLOW_UP,
        "Hi Sam,\n\nI hope I'm not being a pest, but have you had a chance to decide?\n\nTom",
    ),
    (
        "apology",
        FOLLOW_UP,
        "Dear Ms Novak,\n\nI apologise for chasing, I know you must be very busy. Is there a "
        "decision on the graduate role?\n\nElla",
    ),
    # --- shouting ----------------------------------------------------------------
    ("shouting", FOLLOW_UP, "Any news???"),
    (
        "shouting",
        FOLLOW_UP,
        "Hi Jess,\n\nJust checking in!!! Why haven't you called me?\n\nNina",
    ),
    (
        "shouting",
        FOLLOW_UP,
        "Dear Karen,\n\nPLEASE RESPOND to my previous email about the position.\n\nMike",
    ),
    (
        "shouting",
        THANK_YOU,
        "Hi Marco,\n\nThank you SO much for today, I REALLY want this job!!\n\nLeo",
    ),
    # --- "just checking in" with nothing else to say ------------------------------
    ("just_checking_in", FOLLOW_UP, "Hi Sam,\n\nJust checking in.\n\nThanks,\nTom"),
    (
        "just_checking_in",
        FOLLOW_UP,
        "Hello Fiona,\n\nJust wanted to touch base! Hope you're well.\n\nRaj",
    ),
    ("just_checking_in", FOLLOW_UP, "Any updates for me?\n\nGrace"),
    (
        "just_checking_in",
        CHECK_IN,
        "Hi Tara,\n\nJust following up. Thanks!\n\nOwen",
    ),
    # --- careless writing ----------------------------------------------------------
    ("careless", FOLLOW_UP, "hi sam\n\ni still havent heard back from you about the role"),
    (
        "careless",
        THANK_YOU,
        "Dear Giles,\n\nThankyou for the interview, I recieved alot of useful information "
        "about the team.\n\nPriya",
    ),
    (
        "careless",
        FOLLOW_UP,
        "Dear Ms Chen,\n\nIm very intrested in the ward manager position and wanted to know "
        "were you are with your decision.\n\nAisha",
    ),
    (
        "careless",
        REJECTION,
        "hello karen, thanks for letting me know. i understand and wish you all the best.",
    ),
    (
        "careless",
        THANK_YOU,
        "Hi Marco,\n\nThanks for the oppertunity to interview, i enjoyed it and look forward "
        "to hearing from you.\n\nLeo",
    ),
    (
        "careless",
        FOLLOW_UP,
        "Dear Peter,\n\nI dont know if you got my last message but I wanted to ask about the "
        "apprenticeship. Have you decided?\n\nJamal",
    ),
]
