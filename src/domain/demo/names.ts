// Names for demo data, grouped by naming tradition so that a family's names belong together.
// Every combination is invented; the weights roughly follow the mix of names in English primary schools.

export interface NameGroup {
  weight: number;
  surnames: readonly string[];
  girls: readonly string[];
  boys: readonly string[];
  women: readonly string[];
  men: readonly string[];
  olderWomen: readonly string[];
  olderMen: readonly string[];
}

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

export const nameGroups: readonly NameGroup[] = [
  {
    weight: 60,
    surnames: words(`Smith Jones Taylor Brown Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts
      Green Hall Wood Jackson Clarke Hughes Edwards Turner Hill Moore Cooper Ward Harris Lewis Baker Parker Carter
      Mitchell Shaw Bennett Cook Bailey Price Morgan Fletcher Holmes Marsh Barker Pearson Hartley Atkinson Fox Chapman
      Ellis Webb Lawson Dixon Booth Kershaw Whitfield Pennington Ashworth Greenwood Rowe Turner-Price Ashby-Cole`),
    girls: words(`Olivia Amelia Isla Ava Ivy Freya Lily Florence Willow Rosie Isabella Grace Daisy Sienna Poppy Elsie
      Emily Ella Evelyn Phoebe Evie Charlotte Harper Matilda Esme Ruby Hallie Bonnie Maisie Millie Eliza Edie Harriet`),
    boys: words(`Noah Oliver George Leo Arthur Oscar Theodore Freddie Archie Alfie Henry Jack Charlie Harry Finley Jacob
      Thomas Isaac Reuben Albie Tommy Teddy Arlo Ronnie Jude Max Louie Stanley Hugo Elijah Joshua Samuel Ethan Edward`),
    women: words(`Sarah Emma Laura Rebecca Claire Gemma Kate Rachel Hannah Jessica Amy Charlotte Lucy Sophie Victoria
      Nicola Kelly Stacey Joanne Helen Zoe Natalie Lauren Jade Leanne Kirsty Hayley Louise Jennifer Katie`),
    men: words(`David James Mark Paul Andrew Richard Daniel Matthew Christopher Michael Stephen Thomas Robert Ben Craig
      Lee Gareth Jamie Tom Adam Ryan Scott Dean Carl Neil Simon Jonathan Luke Liam Wayne`),
    olderWomen: words(`Margaret Susan Linda Christine Patricia Janet Carol Elaine Jean Pauline Barbara Sandra Kathleen
      Shirley Maureen Gillian Lesley Brenda`),
    olderMen: words(`John Peter Michael Brian Alan Keith Graham Trevor Roger Colin Barry Kenneth Derek Malcolm Geoffrey
      Raymond Stuart Terence`),
  },
  {
    weight: 9,
    surnames: words(`Khan Hussain Ahmed Ali Akhtar Iqbal Rahman Shah Malik Mahmood Chowdhury Uddin Miah Aslam Bashir
      Rashid Qureshi Javed Anwar Siddiqui Islam Haque`),
    girls: words(`Aisha Maryam Fatima Zara Hafsa Amira Aleena Inaya Anaya Hania Zainab Khadija Safa Eshal Mahnoor Ayesha
      Noor Sumaya Raya Iqra`),
    boys: words(`Muhammad Ibrahim Yusuf Ayaan Zayn Hamza Omar Ali Musa Rayyan Haris Zakariya Idris Adam Ismail Abdullah
      Eesa Ahmad Harun Rehan`),
    women: words(`Samina Nadia Shabana Rukhsana Ayesha Farah Sadia Nasreen Saima Bushra Uzma Shazia Rubina Sabrina
      Tahmina Nusrat Hina Amna`),
    men: words(`Imran Asif Tariq Kamran Shahid Faisal Adnan Bilal Mohammed Zahid Naveed Arif Shakil Jamal Abdul Rizwan
      Sajid Wasim`),
    olderWomen: words(`Parveen Bilquis Rashida Zubeda Nasim Shamim Hamida Jamila`),
    olderMen: words(`Mohammed Anwar Rashid Bashir Abdul Ghulam Nazir Hanif`),
  },
  {
    weight: 5,
    surnames: words(`Patel Singh Sharma Gill Sandhu Sidhu Kumar Mistry Shah Parmar Chauhan Joshi Mehta Desai Dhillon
      Bains Virdi Lakhani Rai`),
    girls: words(`Priya Ananya Simran Anaya Diya Aanya Saanvi Jasleen Harleen Riya Navya Isha Meera Kiara Avni Amrit`),
    boys: words(`Arjun Aarav Vihaan Kabir Dev Rohan Reyansh Arav Jay Krish Aryan Harveer Gurveer Jaskaran Sai Ishaan`),
    women: words(`Sunita Anjali Deepa Harpreet Kiran Gurpreet Neha Pooja Manisha Rupinder Jaspreet Sonia Nisha Kavita
      Hema Rina`),
    men: words(`Rajesh Sanjay Vikram Amit Mandeep Sunil Nikhil Harjit Ravi Kuldip Manoj Ashok Vijay Sandeep Dilip`),
    olderWomen: words(`Kamla Surinder Pushpa Lata Gurmit Savita Jaswinder Usha`),
    olderMen: words(`Baldev Gurdev Ramesh Mohinder Harbans Kishore Suresh Balbir`),
  },
  {
    weight: 5,
    surnames: words(`Nowak Wójcik Kowalczyk Woźniak Mazur Krawczyk Zając Król Wróbel Dudek Popescu Ionescu Popa Stoica
      Munteanu`),
    girls: words(`Zuzanna Julia Maja Alicja Zofia Hanna Lena Oliwia Wiktoria Ioana Maria Sofia Antonia Daria Emilia`),
    boys: words(`Jakub Szymon Filip Kacper Antoni Jan Aleksander Franciszek Mikołaj Wojciech Andrei Luca Matei Stefan
      Tudor`),
    women: words(`Agnieszka Katarzyna Magdalena Anna Joanna Monika Marta Ewelina Paulina Justyna Elena Andreea Mihaela
      Alina Irina`),
    men: words(
      `Piotr Tomasz Marek Paweł Krzysztof Łukasz Michał Marcin Bogdan Adrian Mihai Ionuț Florin Cristian Sorin`,
    ),
    olderWomen: words(`Halina Krystyna Danuta Teresa Elżbieta Maria Rodica Viorica`),
    olderMen: words(`Stanisław Zbigniew Jerzy Andrzej Tadeusz Gheorghe Vasile Ion`),
  },
  {
    weight: 3,
    surnames: words(`O'Brien O'Connor Murphy Kelly Byrne Ryan Walsh O'Sullivan McCarthy Doyle Gallagher Kennedy Quinn
      Brennan Fitzgerald Nolan Kavanagh Flanagan`),
    girls: words(`Niamh Aoife Saoirse Orla Ciara Róisín Caoimhe Aisling Erin Cara Maeve Clodagh Nora`),
    boys: words(`Oisín Cian Conor Seán Darragh Rory Fionn Ronan Cillian Eoin Tadhg Patrick Callum`),
    women: words(`Siobhan Sinéad Aoife Gráinne Orla Niamh Deirdre Máire Bridget Clare Fiona Roisin`),
    men: words(`Declan Seán Ciarán Padraig Eamon Kieran Brendan Dermot Colm Niall Fergal Donal`),
    olderWomen: words(`Bridget Kathleen Mary Eileen Philomena Noreen`),
    olderMen: words(`Patrick Seamus Michael Gerard Francis Dermot`),
  },
  {
    weight: 5,
    surnames: words(`Okafor Adeyemi Mensah Owusu Boateng Okonkwo Adebayo Eze Nwosu Asante Osei Babatunde Ogunleye
      Afolabi Appiah Danso Oladipo Obi Nwachukwu Olawale`),
    girls: words(`Amara Chioma Adaeze Abena Ifeoma Tolu Temiloluwa Ebunoluwa Oluwadamilola Adwoa Akosua Nkechi Ife
      Esther Favour Precious Blessing Deborah`),
    boys: words(`Kofi Kwame Tobi Chidi Emeka Oluwatobi Ayomide Daniel David Samuel Kwabena Chinedu Femi Tomiwa
      Ebenezer Nathaniel`),
    women: words(`Ngozi Folake Chiamaka Adwoa Yetunde Funmilayo Abimbola Ama Efua Nneka Bisola Grace Joy Esther Ruth
      Comfort`),
    men: words(`Chukwuemeka Oluwaseun Kwabena Tunde Femi Kwame Kofi Emmanuel Samuel Olumide Chidi Yaw Kojo Segun
      Babajide Victor`),
    olderWomen: words(`Comfort Patience Victoria Felicia Abena Adeola Modupe`),
    olderMen: words(`Emmanuel Joseph Kwasi Olusegun Adewale Kwaku Festus`),
  },
  {
    weight: 2,
    surnames: words(`Campbell Williams Brown Thompson Clarke Francis Henry Gordon Grant Reid Bailey Bryan Samuels
      Clement Powell Morrison Joseph`),
    girls: words(`Nia Imani Kiara Tiana Jada Amani Ruby Destiny Kayla Aaliyah Maya Serena`),
    boys: words(`Kai Jayden Tyrese Malachi Zion Isaiah Elijah Marley Kaiden Nathaniel Jaden Josiah`),
    women: words(`Marcia Shanice Tanisha Keisha Sharon Natasha Donna Charlene Jodie Simone Paulette Nadine`),
    men: words(`Winston Delroy Jermaine Marcus Leon Andre Dwayne Clifton Curtis Trevor Everton Lloyd`),
    olderWomen: words(`Hyacinth Gloria Myrtle Beverley Pearl Carmen`),
    olderMen: words(`Errol Clive Carlton Lloyd Desmond Neville`),
  },
  {
    weight: 2,
    surnames: words(`Wang Li Zhang Chen Liu Lin Huang Wong Chan Cheung Ho Lam Yang Zhou Wu`),
    girls: words(`Mei Xinyi Yutong Ziyi Chloe Grace Emily Jasmine Hannah Zoe`),
    boys: words(`Wei Hao Ethan Ryan Lucas Eric Yuxuan Zihan Haoran Kevin`),
    women: words(`Xiaoling Yan Mei Jing Hui Ying Fang Wendy Cindy Lily`),
    men: words(`Jun Wei Ming Hao Jian Tao Kevin Eric Andy Jason Lei Peng`),
    olderWomen: words(`Ling Fang Hua Lan Yuet Siu`),
    olderMen: words(`Kwok Wing Keung Chun Hung Wai`),
  },
  {
    weight: 3,
    surnames: words(`Hassan Mohamed Abdi Ahmed Osman Farah Yusuf Ibrahim Aziz Haddad Karimi Rahimi Mansour Nasser Omar
      Hashemi Saleh`),
    girls: words(`Layla Yasmin Noor Hana Sara Mariam Salma Hibo Ayan Hodan Leen Jana Rahaf Amal Nour`),
    boys: words(`Omar Yusuf Adam Ahmed Khalid Abdirahman Abdullahi Mustafa Karim Zain Ilyas Hassan Sami Bilal`),
    women: words(`Fadumo Hodan Amina Khadra Ifrah Layla Rania Huda Samira Noura Leila Dalia Maryam Hawa Sahra`),
    men: words(`Abdi Mohamed Ahmed Hassan Yusuf Omar Khalid Karim Tarek Samir Nabil Mahmoud Ibrahim Osman Jamal`),
    olderWomen: words(`Halima Fatuma Asha Zahra Khadija Maryam`),
    olderMen: words(`Abdullahi Hussein Osman Mohamud Abdulkadir Saleh`),
  },
];

/** The shorter names some people go by, used as a preferred name now and then. */
export const shortNames: Readonly<Record<string, string>> = {
  Theodore: 'Theo',
  Isabella: 'Bella',
  Matilda: 'Tilly',
  Charlotte: 'Lottie',
  Harriet: 'Hattie',
  Edward: 'Eddie',
  Samuel: 'Sam',
  Joshua: 'Josh',
  Nathaniel: 'Nate',
  Oluwatobi: 'Tobi',
  Oluwadamilola: 'Dami',
  Temiloluwa: 'Temi',
  Ebunoluwa: 'Ebun',
  Zakariya: 'Zak',
  Zuzanna: 'Zuzia',
  Jakub: 'Kuba',
  Aleksander: 'Olek',
  Abdirahman: 'Abdi',
  Yuxuan: 'Leo',
  Haoran: 'Harry',
  Christopher: 'Chris',
  Matthew: 'Matt',
  Jennifer: 'Jen',
  Stephen: 'Steve',
  Katarzyna: 'Kasia',
  Chukwuemeka: 'Emeka',
  Oluwaseun: 'Seun',
  Funmilayo: 'Funmi',
};

// Places: invented, and each school's name is also prefixed "Demo:" so nobody mistakes it for a real one.
export const trustNames = words(`Riverbend Greenway Fieldfare Lanterns Northwold Brightwater`);
export const schoolNames = words(`Oakridge Larkmead Hollowmere Brackenfold Kestrelbrook Wrenhurst Fernwick
  Thistlecombe Willowgate Heronsford Ashlowe Moorlark`);
export const towns = words(`Brindlecombe Hartsmere Marlowford Pennyfold Thrushleigh Coldwater`);
export const streetNames = words(`Larkspur Kingfisher Orchard Tanners Millrace Cobblers Foxglove Harebell Quarry
  Bellfounders Weavers Sandpiper`);
export const streetKinds = words(`Lane Road Way Drive Rise Row Close Avenue`);
export const classTrees = words(`Oak Ash Birch Elm Hazel Rowan Willow Maple Beech Cedar Holly Larch`);
